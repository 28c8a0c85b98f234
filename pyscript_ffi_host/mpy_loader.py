"""The top of `pyscript_ffi.mpy`: makes the one file a package of compiled modules.

`mpy_bundle.py` compiles each module of `pyscript_ffi/` separately with
`mpy-cross -s pyscript_ffi/<module>.py` (so a traceback names the source file
and line) and writes their bytes into `_MPY` below; this module, compiled as
`pyscript_ffi.mpy`, is what `import pyscript_ffi` loads. It mounts a read-only
in-memory filesystem holding those modules, makes itself the package (its
`__path__` points there) and takes the public names of `pyscript_ffi/__init__.py`.
Modules of constants only (the generated `_micropython_js`, `_tags`, ...: no code, so no
traceback) come as their values in `_CONSTANTS` instead: read once, not twice.
MicroPython only (1.24+: `vfs.mount` of a filesystem written in Python).
"""

import io
import sys

import vfs

_MPY = {}  # "/pyscript_ffi/<module>.mpy" -> the compiled module (filled in by mpy_bundle.py)
_CONSTANTS = {}  # "pyscript_ffi.<module>" -> {name: value} (filled in by mpy_bundle.py)
_MOUNT = "/.pyscript_ffi"
_FILE = (32768, 0, 0, 0, 0, 0, 0, 0, 0, 0)  # stat of a regular file
_DIR = (16384, 0, 0, 0, 0, 0, 0, 0, 0, 0)
_MISSING = OSError(2)  # ENOENT, made once: the import system asks for .py files first


class _Modules:
    """The filesystem: `vfs.mount` calls these."""

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def stat(self, path):
        if path in _MPY:
            return _FILE
        if path == "/pyscript_ffi" or path == "/":
            return _DIR
        raise _MISSING

    def open(self, path, mode):
        if path not in _MPY:
            raise _MISSING
        return io.BytesIO(_MPY[path])  # read by the import system in C, not in 255-byte calls


class _ConstantsModule:
    """Stands for a module of constants in `sys.modules` (`from ._tags import NULL`)."""

    def __init__(self, values):
        for name in values:
            setattr(self, name, values[name])


for _name in _CONSTANTS:
    sys.modules[_name] = _ConstantsModule(_CONSTANTS[_name])
try:
    vfs.umount(_MOUNT)  # imported again (after `del sys.modules[...]`)
except OSError:
    pass
vfs.mount(_Modules(), _MOUNT)
__path__ = _MOUNT + "/pyscript_ffi"  # noqa: F841 - what makes this module a package
_init = __import__("pyscript_ffi.__init__", None, None, ("__all__",))
_names = globals()
for _name, _value in _init.__dict__.items():  # (dir() would try every interned name)
    if not _name.startswith("__") or _name == "__all__" or _name == "__version__":
        _names[_name] = _value
del _init, _names, _name, _value, _CONSTANTS
