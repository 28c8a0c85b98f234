// The MicroPython harness in a module Web Worker (runtime "chrome-worker"):
// the page's WorkerRelay posts {id, msg}; the answer goes back as {id, answer}
// (see micropython_bridge.mjs for messages and answers).
import { Bridge } from "./micropython_bridge.mjs";

const bridge = new Bridge();
globalThis.pyscriptFfiBridge = bridge;
addEventListener("error", (event) => bridge.uncaught(event.error ?? event.message) && event.preventDefault());
addEventListener("unhandledrejection", (event) => bridge.uncaught(event.reason) && event.preventDefault());
addEventListener("message", async (event) => {
  const { id, msg } = event.data;
  postMessage({ id, answer: await bridge.handle(msg) });
});
postMessage({ id: 0, ready: true });
