// Binary data (pyscript_ffi/_binary.mjs; MicroPython's heap, _micropython.mjs), without an interpreter.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { codeOf, retype } from "../../pyscript_ffi/_binary.mjs";
import { findHeap, fromHeap, toHeap } from "../../pyscript_ffi/_micropython.mjs";
import { fromBase64, toBase64 } from "../../pyscript_ffi/_strings.mjs";

const TEXT = "pyscript_ffi: the heap is here, 0123456789";

function fakeModule(exportHeap) {
  // Emscripten's Module as MicroPython builds it: HEAPU8 (<= 1.25) or only UTF8ToString (>= 1.26).
  const memory = new Uint8Array(256);
  for (let j = 0; j < TEXT.length; j++) memory[64 + j] = TEXT.charCodeAt(j);
  const decoder = new TextDecoder();
  const M = { UTF8ToString: (ptr, n) => decoder.decode(memory.subarray(ptr, ptr + n)) };
  if (exportHeap) M.HEAPU8 = memory;
  else Object.defineProperty(M, "HEAPU8", { get() { throw new Error("Aborted: HEAPU8 was not exported"); } });
  return { M, memory };
}

afterEach(() => { delete globalThis.Module; findHeap(-1, ""); });

test("retype views a copy with the element type of each typecode", () => {
  const kinds = { b: Int8Array, B: Uint8Array, h: Int16Array, H: Uint16Array, i: Int32Array, l: Int32Array,
    I: Uint32Array, L: Uint32Array, q: BigInt64Array, Q: BigUint64Array, f: Float32Array, d: Float64Array };
  for (const [code, Ctor] of Object.entries(kinds)) {
    const v = retype(code, new Uint8Array(16));
    assert.ok(v instanceof Ctor, code);
    assert.equal(v.length, 16 / Ctor.BYTES_PER_ELEMENT);
  }
  const odd = new Uint8Array(9).subarray(1);  // misaligned for Float64Array: copied
  assert.equal(retype("d", odd).length, 1);
});

test("codeOf names the typecode; bytes-like values give null", () => {
  assert.equal(codeOf(new Float32Array(1)), "f");
  assert.equal(codeOf(new BigUint64Array(1)), "Q");
  assert.equal(codeOf(new Uint8Array(1)), null);
  assert.equal(codeOf(new Uint8ClampedArray(1)), null);
  assert.equal(codeOf(new DataView(new ArrayBuffer(1))), null);
});

for (const exportHeap of [true, false]) {
  test("the heap is found through the probe and copied both ways (HEAPU8 exported: " + exportHeap + ")", () => {
    const { M, memory } = fakeModule(exportHeap);
    globalThis.Module = M;
    assert.equal(findHeap(64, TEXT), 1);
    assert.deepEqual(Array.from(fromHeap(64, 3)), [112, 121, 115]);
    assert.equal(toHeap(8, new Uint8Array([1, 2, 3])), 1);
    assert.deepEqual(Array.from(memory.subarray(8, 11)), [1, 2, 3]);
    assert.equal(new TextDecoder().decode(new Uint8Array([104, 105])), "hi");  // decode is itself again
  });
}

test("a probe that does not read back means no heap route", () => {
  globalThis.Module = fakeModule(true).M;
  assert.equal(findHeap(65, TEXT), 0);
  assert.equal(fromHeap(0, 4), null);
  assert.equal(toHeap(0, new Uint8Array(1)), 0);
  delete globalThis.Module;
  assert.equal(findHeap(64, TEXT), 0);
});

test("base64 both ways, the fallback", () => {
  const u8 = new Uint8Array(70000).map((_, j) => j * 7);
  assert.deepEqual(fromBase64(toBase64(u8)), u8);
});
