"""Binary data: buffers cross with their element type, as one copy.

- `bytes`, `bytearray`, a `memoryview` of bytes -> `Uint8Array`;
- `array.array` or `memoryview` of typecode `b` `B` `h` `H` `i`/`l` `I`/`L`
  `q` `Q` `f` `d` -> `Int8Array` `Uint8Array` `Int16Array` `Uint16Array`
  `Int32Array` `Uint32Array` `BigInt64Array` `BigUint64Array`
  `Float32Array` `Float64Array`;

and back: `Uint8Array`, `Uint8ClampedArray`, `ArrayBuffer`, `DataView` -> `bytes`;
every other typed array -> `array.array` of its typecode.

```python
from array import array
from pyscript_ffi import to_js, to_py

samples = to_js(array("f", [0.0, 0.5, -0.5]))  # Float32Array [0, 0.5, -0.5]
to_py(samples)                                  # array('f', [0.0, 0.5, -0.5])
```

The bytes never travel as text: Pyodide copies them with its own buffer
conversion; on MicroPython JS copies straight out of (or into) the
interpreter's linear memory (`_micropython.mjs`, the backend's `buffer_to_js` /
`buffer_from_js`). Both interpreters are 32-bit WebAssembly: `l`/`L` are 4
bytes.
"""

#: Python typecode -> bytes per element, for the typecodes that have a JS typed array.
SIZES = {"b": 1, "B": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 4, "L": 4, "q": 8, "Q": 8, "f": 4, "d": 8}
CODES = SIZES
