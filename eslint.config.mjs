// ESLint (flat config) for the project's JavaScript: `bash bin/nox -s lint` runs it.
// The package's helpers (pyscript_ffi/*.mjs) are ES modules, so strict mode is in
// force in every file; the build joins them into one function body that starts
// with "use strict" (pyscript_ffi_host/jsbuild.py).
import js from "@eslint/js";
import globals from "globals";

const STRICT = {
  strict: ["error", "global"],
  "no-unused-vars": ["error", { caughtErrors: "none" }],
  "no-var": "error",
  "prefer-const": "error",
  eqeqeq: ["error", "always"],
};

export default [
  { ignores: ["node_modules/", "**/build/", "**/dist/", ".nox/", ".venv/", "site/bench/", "test-artifacts/", "wheels/"] },
  js.configs.recommended,
  {
    files: ["pyscript_ffi/**/*.mjs", "tests/js/**/*.mjs"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      // The helpers run in browsers, workers and Node: only what all of them have.
      globals: { ...globals["shared-node-browser"] },
    },
    rules: STRICT,
  },
  {
    // The page's one line (PyScript on pyscript_ffi): a browser ES module, a PyScript plugin.
    files: ["pyscript_ffi/pyscript_ffi.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
    rules: STRICT,
  },
  {
    // The example site's own scripts: classic browser scripts, strict mode.
    files: ["site/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { ...globals.browser } },
    rules: STRICT,
  },
  {
    // The site's ES modules (bench.mjs): strict by being modules.
    files: ["site/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
    rules: STRICT,
  },
  {
    files: ["tests/js/**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The test harness's own JS (Node, the browser page and its worker), the cases' show.js and the
    // benchmark's setup.js.
    files: [
      "plugin/src/pytest_run_inside/js/**/*.mjs",
      "plugin/src/pytest_run_inside/js/**/*.js",
      "pyscript_ffi_host/**/*.js",
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser, WebAssembly: "readonly" } },
  },
];
