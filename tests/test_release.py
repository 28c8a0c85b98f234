"""Both distributions are ready to publish: pyscript-ffi (the repository root) and
pytest-run-inside (plugin/) build an sdist and a wheel with `python -m build`, pass
`twine check --strict`, carry their license, classifiers, project URLs, a Markdown
long description and one version source, and each sdist installs with no index
(offline: its build backend from a local folder) into a fresh venv."""

import ast
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PROJECTS = {
    "pyscript-ffi": (REPO, REPO / "pyscript_ffi" / "__init__.py"),
    "pytest-run-inside": (REPO / "plugin", REPO / "plugin" / "src" / "pytest_run_inside" / "__init__.py"),
}
#: What each wheel must hold besides the Python modules.
WHEEL_FILES = {
    "pyscript-ffi": [
        "pyscript_ffi/py.typed",
        "pyscript_ffi/__init__.pyi",
        "pyscript_ffi/_pyodide_js.py",
        "pyscript_ffi/_micropython_js.py",
        "pyscript_ffi/_types.py",
    ],
    "pytest-run-inside": [
        "pytest_run_inside/_inside.py",
        "pytest_run_inside/_pyscript_boot.py",
        "pytest_run_inside/_pytest_inside.py",
        "pytest_run_inside/js/micropython_bridge.mjs",
        "pytest_run_inside/js/micropython_page.html",
        "pytest_run_inside/js/pyscript_door.mjs",
    ],
}


def _version(init: Path) -> str:
    for node in ast.parse(init.read_text()).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__version__" for t in node.targets):
            return str(ast.literal_eval(node.value))
    raise AssertionError(f"no __version__ in {init}")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    for folder, _ in PROJECTS.values():
        build = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(folder)]
        subprocess.run(build, check=True, stdout=subprocess.DEVNULL)
    return out


def _files(dist: Path, name: str) -> tuple[Path, Path]:
    stem = name.replace("-", "_")
    (sdist,) = dist.glob(f"{stem}-*.tar.gz")
    (wheel,) = dist.glob(f"{stem}-*.whl")
    return sdist, wheel


def test_both_pass_twine_check_strict(dist: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 4, done.stdout


@pytest.mark.parametrize("name", PROJECTS)
def test_metadata_is_complete_and_the_version_has_one_source(dist: Path, name: str) -> None:
    folder, init = PROJECTS[name]
    project = tomllib.loads((folder / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]
    sdist, wheel = _files(dist, name)
    version = _version(init)
    assert sdist.name == f"{name.replace('-', '_')}-{version}.tar.gz"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(f"{name.replace('-', '_')}-{version}.dist-info/METADATA").decode()
    assert f"{name.replace('-', '_')}-{version}.dist-info/licenses/LICENSE" in names
    assert set(WHEEL_FILES[name]) <= set(names)
    assert "License-Expression: Apache-2.0" in metadata
    assert "Description-Content-Type: text/markdown" in metadata
    assert metadata.count("Classifier: ") >= 5 and metadata.count("Project-URL: ") >= 3
    with tarfile.open(sdist) as archive:
        members = {Path(m).relative_to(Path(m).parts[0]).as_posix() for m in archive.getnames() if "/" in m}
    assert {"LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml"} <= members
    assert f"## {version}" in (folder / "CHANGELOG.md").read_text()


def test_each_sdist_installs_offline_into_a_fresh_venv(dist: Path, tmp_path: Path) -> None:
    """No index: the build backend comes from a local folder (a wheelhouse), as on a machine
    without network, and builds both sdists; the plugin's own dependencies are left out
    (`--no-deps`)."""
    wheelhouse = tmp_path / "wheelhouse"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "download", "--only-binary=:all:", "-d", str(wheelhouse), "setuptools>=77"], check=True
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    install = [*pip, "--python", python, "install", "--no-index", "--find-links", str(wheelhouse)]
    subprocess.run([*install, "setuptools>=77"], check=True)  # the build backend, from the folder
    sdists = [str(_files(dist, name)[0]) for name in PROJECTS]
    subprocess.run([*install, "--no-deps", "--no-build-isolation", *sdists], check=True)
    versions = "import importlib.metadata as m; print(*(m.version(n) for n in sys.argv[1:]))"
    shown = subprocess.run(
        [python, "-c", "import sys; " + versions, *PROJECTS], capture_output=True, text=True
    )
    assert shown.stdout.split() == [_version(init) for _, init in PROJECTS.values()]
    site = next((venv / "lib").glob("python3*/site-packages"))
    assert (site / "pytest_run_inside" / "js" / "pyscript_door.mjs").is_file()
    assert (site / "pyscript_ffi" / "__init__.pyi").is_file()
