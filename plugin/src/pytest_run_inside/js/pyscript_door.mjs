// The host's door into a PyScript page (runtimes "pyscript" and "pyscript-worker").
//
// Loaded as the first module of the page, before PyScript's core.js, so it sees
// the page's <body> as the test gave it.  The page's PyScript script
// (`script[data-run-inside]`, the plugin's boot.py) runs the harness module:
//   main thread: boot.py hands its `call` to `window.pytestRunInside.register`;
//   worker:      boot.py exports `call` (`__export__`), reached through the
//                script element's `xworker.sync` once the worker is done.
// The host (selenium) calls `window.pytestRunInside.call(func, payload)`, which
// answers the harness's JSON text, never rejects, and waits for the script first.

const INITIAL_BODY = document.body.innerHTML;
const script = document.querySelector("script[data-run-inside]");
const type = script.getAttribute("type");
const problems = [];

let registered;
const mainThread = new Promise((resolve) => (registered = resolve));

const failure = (kind, message) => JSON.stringify({ ok: false, type: kind, message, traceback: "" });

/** What PyScript showed or threw while starting: its error boxes and uncaught errors. */
function startProblems() {
  const shown = [...document.querySelectorAll(".py-error")].map((e) => e.textContent.trim());
  return [...shown, ...problems].join("\n");
}

addEventListener("error", (event) => problems.push(String(event.error?.stack ?? event.message)));
addEventListener("unhandledrejection", (event) => problems.push(String(event.reason?.stack ?? event.reason)));

/** The harness's `call(func, payload)`, once the page's script has run. */
const entry = (async () => {
  if (!script.hasAttribute("worker")) return mainThread;
  await new Promise((resolve) => script.addEventListener(`${type}:done`, resolve, { once: true }));
  return (func, payload) => script.xworker.sync.call(func, payload);
})();

window.pytestRunInside = {
  /** boot.py on the main thread hands in its `call`. */
  register(call) {
    registered(call);
  },

  /** true once the harness can answer, the start problems (a string) as soon as there
   * are any, false after `ms` milliseconds of neither. */
  async started(ms) {
    const deadline = performance.now() + ms;
    const ready = entry.then(() => true);
    while (performance.now() < deadline) {
      const pause = new Promise((resolve) => setTimeout(() => resolve(false), 200));
      if (await Promise.race([ready, pause])) return true;
      const seen = startProblems();
      if (seen) return seen;
    }
    return false;
  },

  async call(func, payload) {
    try {
      const call = await entry;
      return String(await call(func, payload));
    } catch (error) {
      return failure("EscapedJsError", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  },

  /** The page's <body> as it was given (the DOM reset between tests). */
  reset() {
    document.body.innerHTML = INITIAL_BODY;
  },
};
