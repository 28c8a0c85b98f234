// Node runner for the MicroPython test harness: one MicroPython per process.
//
// Reads one JSON message per line on stdin, answers each with one JSON line on
// stdout (see micropython_bridge.mjs).  Stdout carries nothing else: MicroPython's
// output and any console.* call are captured into the answers' `output`.
import { createInterface } from "node:readline";
import { format } from "node:util";
import { Bridge } from "./micropython_bridge.mjs";

const bridge = new Bridge();
globalThis.pyscriptFfiBridge = bridge; // as in micropython_page.html (tests read bridge.mp._module)
const writeAnswer = process.stdout.write.bind(process.stdout);

// Keep the protocol channel clean: nothing but answers goes to stdout.
process.stdout.write = process.stderr.write.bind(process.stderr);
for (const [name, stream] of [["log", "stdout"], ["info", "stdout"], ["debug", "stdout"], ["warn", "stderr"], ["error", "stderr"]]) {
  console[name] = (...args) => bridge.capture(stream, format(...args));
}

// Like a browser, report uncaught errors instead of dying (see Bridge.uncaught).
process.on("uncaughtException", (error) => bridge.uncaught(error));
process.on("unhandledRejection", (reason) => bridge.uncaught(reason));

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const msg = JSON.parse(line);
  if (msg.op === "exit") break;
  writeAnswer(JSON.stringify(await bridge.handle(msg)) + "\n");
}
process.exit(0);
