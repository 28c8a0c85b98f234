// JS the benchmark's snippets use (pyscript_ffi_host/bench/snippets.py), run once in each
// interpreter's realm before timing: data built in JS, a loop calling a function from JS, a JS
// memcpy as the reference for buffers, and a DOM-shaped object (Node has no DOM).
"use strict";
globalThis.__benchRecords = (n) => Array.from({ length: n }, (_, i) => ({
  id: i, name: "item " + i, price: i * 0.5 + 0.25, active: i % 3 === 0, tags: ["a", "b"], parent: null,
}));
globalThis.__benchIdentity = (x) => x;
globalThis.__benchBytes = (n) => Uint8Array.from({ length: n }, (_, i) => i & 255);
globalThis.__benchMemcpy = (n) => {  // the reference: a JS copy of n bytes (u8.slice()), the best of 5
  const u8 = globalThis.__benchBytes(n), times = [];
  u8.slice();
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    u8.slice();
    times.push(performance.now() - t0);
  }
  return Math.min(...times);
};
globalThis.__benchObj = { a: 1, b: 0, m(x) { return x; } };
globalThis.__benchArray = [0, 1, 2, 3];
globalThis.__benchRange = (n) => Array.from({ length: n }, (_, i) => i);
globalThis.__benchClass = class Point { constructor(x) { this.x = x; } };
// A DOM-shaped object: createElement, properties, a style object, append.
globalThis.__benchDoc = {
  createElement(tag) {
    const el = { tagName: tag, className: "", textContent: "", style: {}, children: [] };
    el.append = (c) => { el.children.push(c); };
    return el;
  },
};
globalThis.__benchCallLoop = (f, n) => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f(i);
  return performance.now() - t0;
};
