// The page's half of the "chrome-worker" runtime: `handle(msg)` posts one host
// message to the worker running the Bridge and resolves with its answer.  A
// worker that fails to load or dies answers every pending message with an error.

export class WorkerRelay {
  constructor(worker) {
    this.worker = worker;
    this.nextId = 1;
    this.pending = new Map();
    this.broken = null;
    this.ready = new Promise((resolve) => (this.started = resolve));
    worker.addEventListener("message", (event) => {
      const { id, answer } = event.data;
      if (id === 0) return this.started();
      const resolve = this.pending.get(id);
      this.pending.delete(id);
      if (resolve) resolve(answer);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.broken = `the worker failed: ${event.message || "error loading micropython_worker.mjs"}`;
      this.failAll();
      this.started();
    });
  }

  failure() {
    return { ok: false, error: { type: "WorkerError", message: this.broken, traceback: "" }, output: [], ms: 0 };
  }

  failAll() {
    for (const [id, resolve] of this.pending) {
      this.pending.delete(id);
      resolve(this.failure());
    }
  }

  async handle(msg) {
    await this.ready;
    if (this.broken) return this.failure();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, msg });
    });
  }
}
