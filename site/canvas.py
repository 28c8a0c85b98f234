"""Pixels from Python: fill an RGBA buffer, draw it through `ImageData`.

One file, run unchanged by `<script type="py">` (Pyodide) and
`<script type="mpy">` (MicroPython). `to_js(bytearray)` is one copy out of
the interpreter's memory into a `Uint8Array`; `ImageData` wants a
`Uint8ClampedArray`, a view of the same bytes (no second copy). The
brightness of each row comes back from JS as a `Float32Array`, which
`to_py` makes an `array("f")`.
"""

import sys

from pyscript_ffi import assign, js, new, to_js, to_py

W, H = 128, 96


def pixel(x, y):
    """The colour of pixel (x, y): a gradient with a checker of XOR stripes."""
    return x * 255 // (W - 1), y * 255 // (H - 1), (x ^ y) & 255, 255


def fill():
    rgba = bytearray(W * H * 4)
    i = 0
    for y in range(H):
        for x in range(W):
            rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3] = pixel(x, y)
            i += 4
    return rgba


def draw():
    """Draw the pixels, then show what JS read back from them."""
    canvas = js.document.getElementById("canvas")
    u8 = to_js(fill())  # a Uint8Array holding a copy of the bytes
    clamped = new(js.Uint8ClampedArray, u8.buffer, u8.byteOffset, u8.length)
    canvas.getContext("2d").putImageData(new(js.ImageData, clamped, W, H), 0, 0)
    rows = to_py(MEANS(u8, W, H))  # each row's mean brightness, computed in JS: an array("f")
    brightest = max(range(H), key=lambda y: rows[y])
    status = "ready (" + sys.implementation.name + ", " + str(W) + "x" + str(H) + ")"
    assign(js.document.getElementById("status"), {"textContent": status})
    shown = repr(rows[0:0]) + " of " + str(len(rows)) + " rows, brightest: row " + str(brightest)
    assign(js.document.getElementById("rows"), {"textContent": shown})


MEANS = js.Function.new(
    "u8",
    "w",
    "h",
    "const out = new Float32Array(h);"
    "for (let y = 0; y < h; y++) { let s = 0;"
    "  for (let x = 0; x < w; x++) { const i = 4 * (y * w + x); s += (u8[i] + u8[i + 1] + u8[i + 2]) / 3; }"
    "  out[y] = s / w; }"
    "return out;",
)

# PyScript hands the value of a script's last line to JS, which awaits it: `draw()` gives None.
# A JsProxy there (what `assign` returns) would be awaited again and again on Pyodide (each await
# gives a new JsProxy of the same object), keeping the tab's main thread busy for a minute.
draw()
