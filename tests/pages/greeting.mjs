// A JS module the page's PyScript config lists in `js_modules` (tests/test_plugin_pyscript.py).
export const greet = (name) => `Hello, ${name}!`;
