// A local ES module that pyscript.html's configs list in `js_modules` (main and
// worker): `from pyscript.js_modules import pyscript_module` reads it.
export function greet(name) {
  return "Hello, " + name + "!";
}

export const answer = 42;

export function later(value) {
  return new Promise((resolve) => setTimeout(() => resolve(value), 5));
}
