// query / gather / assign / direct (pyscript_ffi/_worker_utils.py), on the main
// thread and through PyScript's worker `ffi`.

import { unbox } from "./_box.mjs";
import { jsError } from "./_errors.mjs";
import { OK } from "./_protocol.mjs";
import { defineOwn, isPlain } from "./_shapes.mjs";
import { toJs } from "./_to_js.mjs";
import { toPy } from "./_to_py.mjs";

// ---- paths: query / gather (reflected-ffi's rules) -------------------------
// Every bracket step, quoted or not, becomes a dot step ("a.b[0]['c']" ->
// "a.b.0.c"); the path is split on dots and each step reads v?.[step], so a
// missing step gives undefined. A non-string path is one property key.
const BRACKET = /\[('|")?(.+?)\1\]/g;

export function walk(target, path) {
  if (typeof path !== "string") return target === null || target === undefined ? undefined : target[path];
  let v = target;
  for (const step of path.replace(BRACKET, ".$2").split(".")) {
    if (v === null || v === undefined) return undefined;
    v = v[step];
  }
  return v;
}

export function gather(target, paths) {
  try {
    const t = unbox(target);
    const values = paths.map((p) => walk(t, p));
    return toPy(values, 1);
  } catch (e) { return jsError(e, null); }
}

export function assign(box, tape, refs) {
  const target = unbox(box);
  const built = toJs(tape, refs);
  if (built[0] !== OK) return built;
  try {
    for (const source of built[1]) {
      if (source === null || source === undefined) continue;
      for (const key of Object.keys(source)) {
        if (key === "__proto__") defineOwn(target, key, source[key]);
        else target[key] = source[key];  // strict mode: a failed set throws, as in Object.assign
      }
    }
    return [OK, null];
  } catch (e) { return jsError(e, null); }
}

// ---- PyScript workers: reflected-ffi's one-round-trip versions ----------------
// `ffi` is polyscript's worker `ffi` (reflected-ffi's remote utilities) and
// `isRemote` tells a main-thread object (a reflected proxy) from a worker one.
export function remoteGather(ffi, isRemote, box, paths) {
  const target = unbox(box);
  if (!isRemote(target)) return gather(target, paths);
  try { return toPy(ffi.gather(target, ...paths), 1); }
  catch (e) { return jsError(e, null); }
}

export function remoteAssign(ffi, isRemote, box, tape, refs) {
  const target = unbox(box);
  if (!isRemote(target)) return assign(target, tape, refs);
  const built = toJs(tape, refs);
  if (built[0] !== OK) return built;
  try {
    // One merged plain object crosses in one round trip. reflected-ffi would
    // *set* a "__proto__" key (a prototype change on the other side) and drops
    // nested ones, so each "__proto__" goes afterwards as an own property
    // defined on its main-thread object (extra round trips, only then).
    const merged = {};
    const protos = [];
    for (const source of built[1]) {
      if (source === null || source === undefined) continue;
      for (const key of Object.keys(source)) {
        if (key === "__proto__") protos[0] = [[], source[key]];
        else merged[key] = source[key];
      }
    }
    nestedProtos(merged, protos);
    ffi.assign(target, merged);
    for (const [parts, value] of protos) {
      let o = target;
      for (const part of parts) o = o[part];
      defineOwn(o, "__proto__", value);
    }
    return [OK, null];
  } catch (e) { return jsError(e, null); }
}

// [path, value] of every own "__proto__" key inside plain objects and arrays
// reachable from `root` (and from values already in `found`), parents first.
function nestedProtos(root, found) {
  const seen = new Set();
  const todo = [[[], root]];
  for (const [parts, value] of found) todo.push([parts.concat("__proto__"), value]);
  while (todo.length) {
    const [parts, v] = todo.shift();
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    if (!Array.isArray(v) && !isPlain(v)) continue;
    seen.add(v);
    for (const key of Object.keys(v)) {
      const at = parts.concat(Array.isArray(v) ? Number(key) : key);
      if (key === "__proto__" && !Array.isArray(v)) found.push([parts, v[key]]);
      todo.push([at, v[key]]);
    }
  }
}

export function remoteDirect(ffi, value) {
  try { ffi.direct(unbox(value)); return [OK]; }
  catch (e) { return jsError(e, null); }
}
