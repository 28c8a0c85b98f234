// The JS half of the MicroPython test harness, shared by Node
// (micropython_node.mjs) and the browser (micropython_page.html).
//
// `Bridge.handle(msg)` answers one host message and never rejects:
//   {op: "start", module, options, files: {path: base64}, paths: [dir], inside}
//   {op: "call", func, payload}   -> value: the JSON string from the harness module
//   {op: "js", body}              -> value: JSON text of the async function's result
// Answer: {ok: true, value, output, ms} or {ok: false, error: {type, message, traceback}, output, ms}
// where `output` is [stream, line][] printed by MicroPython since the last answer.

const AsyncFunction = (async () => {}).constructor;

/** The JSON error shape of the harness module for a thrown JS value; with `type`
 * (e.g. "EscapedJsError") the message keeps the JS error's name. */
export function describeJsError(error, type) {
  const isError = error instanceof Error;
  const message = !isError ? String(error) : type ? `${error.name}: ${error.message}` : error.message;
  const traceback = (isError && error.stack) || String(error);
  return { ok: false, type: type ?? (isError ? error.name : "JsError"), message, traceback };
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function dirname(path) {
  return path.slice(0, path.lastIndexOf("/")) || "/";
}

/** Python source appending each of `dirs` to sys.path unless the cwd ("") covers it. */
function addToSysPath(dirs) {
  return [
    "import os, sys",
    `[sys.path.append(d) for d in ${JSON.stringify(dirs)}`,
    '  if d not in sys.path and not (d == os.getcwd() and "" in sys.path)]',
    "del os, sys",
  ].join("\n");
}

/** Run `load()` and catch the WebAssembly.Memory it instantiates (the MicroPython
 * build exports no HEAP views; leak tests read `bridge.wasmMemory.buffer.byteLength`). */
async function catchingWasmMemory(load) {
  const { instantiate, instantiateStreaming } = WebAssembly;
  let memory = null;
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memory = value;
    return result;
  };
  WebAssembly.instantiate = (...args) => instantiate(...args).then(keep);
  if (instantiateStreaming) WebAssembly.instantiateStreaming = (...args) => instantiateStreaming(...args).then(keep);
  try {
    return [await load(), memory];
  } finally {
    Object.assign(WebAssembly, { instantiate, instantiateStreaming });
  }
}

export class Bridge {
  constructor() {
    this.mp = null;
    this.wasmMemory = null;
    this.inside = null;
    this.output = [];
    this.failPending = null;
  }

  /** Record a line printed by MicroPython (or by JS console, in Node). */
  capture(stream, line) {
    this.output.push([stream, line]);
  }

  async handle(msg) {
    const t0 = performance.now();
    let answer;
    try {
      answer = { ok: true, value: await this[`op_${msg.op}`](msg) };
    } catch (error) {
      answer = { ok: false, error: describeJsError(error) };
    }
    answer.output = this.output.splice(0);
    answer.ms = performance.now() - t0;
    return answer;
  }

  /** Load MicroPython, write `files`, extend sys.path, import the harness module. */
  async op_start({ module, options, files, paths, inside }) {
    const { loadMicroPython } = await import(module);
    [this.mp, this.wasmMemory] = await catchingWasmMemory(() =>
      loadMicroPython({
        ...options,
        linebuffer: true,
        stdout: (line) => this.capture("stdout", line),
        stderr: (line) => this.capture("stderr", line),
      }),
    );
    for (const [path, data] of Object.entries(files)) {
      this.mp.FS.mkdirTree(dirname(path));
      this.mp.FS.writeFile(path, fromBase64(data));
    }
    this.mp.runPython(addToSysPath(paths));
    this.inside = this.mp.pyimport(inside);
    return this.mp.pyimport("sys").version;
  }

  /** `inside.<func>(payload)`, awaited; a JS error escaping Python becomes a JSON error,
   * whether thrown synchronously or reported to `uncaught` while the call is pending. */
  async op_call({ func, payload }) {
    try {
      const escaped = new Promise((_, reject) => (this.failPending = reject));
      return String(await Promise.race([this.inside[func](payload), escaped]));
    } catch (error) {
      return JSON.stringify(describeJsError(error, "EscapedJsError"));
    } finally {
      this.failPending = null;
    }
  }

  /** The runner reports an uncaught JS error / unhandled rejection here (a JS error
   * escaping a coroutine resumed by a promise callback lands there); false if no call
   * was pending (then it is only recorded as stderr output). */
  uncaught(error) {
    if (this.failPending) {
      this.failPending(error);
      return true;
    }
    this.capture("stderr", `Uncaught ${(error && error.stack) || error}`);
    return false;
  }

  async op_js({ body }) {
    const value = await new AsyncFunction(body)();
    return JSON.stringify(value === undefined ? null : value);
  }
}
