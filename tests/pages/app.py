# The app script of tests/test_plugin_pyscript.py's page: run before each test.
from pyscript import document

document.getElementById("out").dataset.app = "ran"
