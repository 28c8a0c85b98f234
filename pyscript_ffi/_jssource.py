"""The JavaScript half of the package, created once per interpreter on first use.

Every call this package makes into JavaScript goes through these helpers, and
none of them throws: each returns `[0, value...]` or an error record
`[1, kind, name, message, path, error]` (kind "conversion" or "js"). That is
what keeps a JS exception from escaping Python's `try/except` on MicroPython.
"""

from ._tags import js_constants

SOURCE = r"""
"use strict";
const hasOwn = Object.prototype.hasOwnProperty;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function pathOf(parts) {
  let out = "$";
  for (const p of parts) {
    if (typeof p === "number") out += "[" + p + "]";
    else if (IDENT.test(p)) out += "." + p;
    else out += '["' + p.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"]';
  }
  return out;
}

function describe(e) {
  if (e !== null && (typeof e === "object" || typeof e === "function")) {
    let name = "Error", message = "";
    try { name = String(e.name === undefined ? (e.constructor && e.constructor.name) || "Error" : e.name); } catch (_) {}
    try { message = String(e.message === undefined ? "" : e.message); } catch (_) {}
    return [name, message];
  }
  let text;
  try { text = String(e); } catch (_) { text = typeof e; }
  return [typeof e, text];
}

function jsError(e, parts) {
  const [name, message] = describe(e);
  return [1, "js", name, message, parts === null ? null : pathOf(parts), e];
}

function conversionError(message, parts) {
  return [1, "conversion", "ConversionError", message, pathOf(parts), null];
}

function spell(key) {
  // The JS property key a Python dict key becomes (JSON spelling).
  return key === null ? "null" : String(key);
}

// ---- Python -> JS: rebuild a value from its tape ---------------------------
function framePart(f) {
  if (f.tag === OBJ || f.tag === MAP) return f.hasKey ? spell(f.key) : f.k;
  return f.k;
}

function partsOf(stack) {
  const parts = [];
  for (const f of stack) parts.push(framePart(f));
  return parts;
}

function finish(f, refs, stack) {
  if (f.tag === SET) return [0, new Set(f.c)];
  if (f.tag === MAP) {
    try { return [0, refs[f.conv](f.c)]; }
    catch (e) { return jsError(e, partsOf(stack)); }
  }
  return [0, f.c];
}

function toJs(tape, refs) {
  let i = 0;
  const stack = [];
  for (;;) {
    let v;
    const tag = tape[i++];
    switch (tag) {
      case NULL: v = null; break;
      case UNDEF: v = undefined; break;
      case FALSE: v = false; break;
      case TRUE: v = true; break;
      case INT: case FLOAT: v = tape[i++]; break;
      case NAN: v = NaN; break;
      case INF: v = Infinity; break;
      case NINF: v = -Infinity; break;
      case NEGZERO: v = -0; break;
      case BIG: v = BigInt(tape[i++]); break;
      case STR: v = tape[i++]; break;
      case STRPARTS: { const n = tape[i++]; v = tape.slice(i, i + n).join("\0"); i += n; break; }
      case BYTES: v = JSON_TAPES ? fromBase64(tape[i++]) : refs[tape[i++]]; break;
      case REF: v = refs[tape[i++]]; break;
      case ARR: case SET: case OBJ: case MAP: {
        const conv = tag === MAP ? tape[i++] : -1;
        const n = tape[i++];
        const f = { tag, n, k: 0, c: tag === OBJ ? {} : [], hasKey: false, key: undefined, conv };
        if (n > 0) { stack.push(f); continue; }
        const r = finish(f, refs, stack);
        if (r[0] !== 0) return r;
        v = r[1];
        break;
      }
      default:
        return [1, "conversion", "ConversionError", "corrupt tape: tag " + tag + " at " + (i - 1), pathOf(partsOf(stack)), null];
    }
    // hand v to the containers being built, closing those that are complete
    for (;;) {
      const f = stack[stack.length - 1];
      if (f === undefined) return [0, v];
      if (f.tag === OBJ) {
        if (!f.hasKey) {
          const key = spell(v);
          if (hasOwn.call(f.c, key)) {
            return conversionError("two dict keys become the same JS property " + JSON.stringify(key), partsOf(stack.slice(0, -1)));
          }
          f.hasKey = true; f.key = key;
          break;
        }
        if (f.key === "__proto__") Object.defineProperty(f.c, f.key, { value: v, writable: true, enumerable: true, configurable: true });
        else f.c[f.key] = v;
        f.hasKey = false;
      } else if (f.tag === MAP) {
        if (!f.hasKey) { f.hasKey = true; f.key = v; break; }
        f.c.push([f.key, v]);
        f.hasKey = false;
      } else {
        f.c.push(v);
      }
      if (++f.k < f.n) break;
      stack.pop();
      const r = finish(f, refs, stack);
      if (r[0] !== 0) return r;
      v = r[1];
    }
  }
}

// ---- JS -> Python: flatten a value into a tape ------------------------------
const TypedArray = Object.getPrototypeOf(Uint8Array);
const F64 = new Float64Array(1), U32 = new Uint32Array(F64.buffer);  // a double as its two 32-bit words

function isPlain(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function toBytes(v) {
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function fromBase64(text) {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let j = 0; j < raw.length; j++) out[j] = raw.charCodeAt(j);
  return out;
}

// JSON_TAPES (MicroPython): the tape goes back as JSON text, bytes inline.
function toPy(value, depth) {
  const tape = [], refs = [], stack = [], active = new Set();
  const put = (x) => { tape.push(x); };
  // JSON tapes: long strings go by reference (MicroPython's json.loads slows down badly on them)
  const putStr = (s) => { if (JSON_TAPES && s.length > 1024) { put(REF); put(refs.length); refs.push(s); } else { put(STR); put(s); } };
  let v = value;
  try {
    for (;;) {
      // emit v
      const t = typeof v;
      if (v === null || v === undefined) put(NULL);
      else if (t === "boolean") put(v ? TRUE : FALSE);
      else if (t === "number") {
        if (Number.isSafeInteger(v)) { if (Object.is(v, -0)) put(NEGZERO); else { put(INT); put(v); } }
        else if (v !== v) put(NAN);
        else if (v === Infinity) put(INF);
        else if (v === -Infinity) put(NINF);
        else if (JSON_TAPES) { F64[0] = v; put(FLOAT); put(U32[0]); put(U32[1]); }  // exact: older MicroPython parses some floats 1 ulp off
        else { put(FLOAT); put(v); }
      }
      else if (t === "string") putStr(v);
      else if (t === "bigint") { put(BIG); put(String(v)); }
      else if (t !== "object") { put(REF); put(refs.length); refs.push(v); }
      else if (depth >= 0 && stack.length >= depth) { put(REF); put(refs.length); refs.push(v); }
      else if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        const bytes = toBytes(v);
        if (JSON_TAPES) { put(BYTES); put(bytes.length); for (let j = 0; j < bytes.length; j++) put(bytes[j]); }
        else { put(BYTES); put(refs.length); refs.push(bytes.slice()); }
      }
      else {
        let items = null, tag;
        if (Array.isArray(v)) { tag = ARR; items = v; }
        else if (v instanceof Map) { tag = OBJ; items = v; }
        else if (v instanceof Set) { tag = SET; items = v; }
        else if (isPlain(v)) { tag = OBJ; items = null; }
        else { put(REF); put(refs.length); refs.push(v); tag = -1; }
        if (tag !== -1) {
          if (active.has(v)) return conversionError("circular reference", stack.map((f) => f.part));
          active.add(v);
          let it;
          if (tag === ARR) { it = v; put(ARR); put(v.length); }
          else if (v instanceof Map) { it = v.entries(); put(OBJ); put(v.size); }
          else if (tag === SET) { it = v.values(); put(SET); put(v.size); }
          else { it = Object.keys(v); put(OBJ); put(it.length); }
          stack.push({ obj: v, tag, plain: items === null, map: v instanceof Map, it, k: 0, part: 0, keyDone: false, entry: null });
        }
      }
      // find the next value to emit
      let next = false;
      while (stack.length) {
        const f = stack[stack.length - 1];
        if (f.tag === ARR) {
          if (f.k < f.it.length) { f.part = f.k; v = f.it[f.k++]; next = true; break; }
        } else if (f.tag === SET) {
          const r = f.it.next();
          if (!r.done) { f.part = f.k++; v = r.value; next = true; break; }
        } else if (f.map) {
          if (f.keyDone) { f.keyDone = false; v = f.entry[1]; next = true; break; }
          const r = f.it.next();
          if (!r.done) { f.entry = r.value; f.part = spell(r.value[0]); f.keyDone = true; v = r.value[0]; f.k++; next = true; break; }
        } else {
          if (f.keyDone) {
            f.keyDone = false;
            try { v = f.obj[f.part]; }
            catch (e) { return jsError(e, stack.map((g) => g.part)); }
            next = true; break;
          }
          if (f.k < f.it.length) { f.part = f.it[f.k++]; putStr(f.part); f.keyDone = true; continue; }
        }
        stack.pop();
        active.delete(f.obj);
      }
      if (!next) return [0, JSON_TAPES ? JSON.stringify(tape) : tape, refs];
    }
  } catch (e) {
    return jsError(e, stack.map((f) => f.part));
  }
}

// ---- paths: query / gather ---------------------------------------------------
// "a.b[0]['c']" -> ["a", "b", 0, "c"]
const STEP = /\s*(?:\.?\s*([A-Za-z_$][\w$]*)|\[\s*(-?\d+)\s*\]|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\])/y;

function parsePath(path) {
  const steps = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < path.length) {
    const at = STEP.lastIndex;
    const m = STEP.exec(path);
    if (m === null) {
      if (/^\s*$/.test(path.slice(at))) break;
      throw new SyntaxError("bad path " + JSON.stringify(path) + " at " + at);
    }
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push((m[3] !== undefined ? m[3] : m[4]).replace(/\\(.)/g, "$1"));
  }
  return steps;
}

function walk(target, path) {
  let v = target;
  for (const step of parsePath(path)) {
    if (v === null || v === undefined) return undefined;
    v = v[step];
  }
  return v;
}

function gather(target, paths) {
  try {
    const values = paths.map((p) => walk(target, p));
    return toPy(values, 1);
  } catch (e) { return jsError(e, null); }
}

// ---- assign ------------------------------------------------------------------
function assign(target, tape, refs) {
  const built = toJs(tape, refs);
  if (built[0] !== 0) return built;
  const sources = built[1];
  try {
    for (const source of sources) {
      if (source === null || source === undefined) continue;
      for (const key of Object.keys(source)) {
        const value = source[key];
        if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
        else target[key] = value;
      }
    }
    return [0, target];
  } catch (e) { return jsError(e, null); }
}

// ---- proxies of Python callables -------------------------------------------
// `tramp(argsTape, argsRefs)` runs the Python callable and answers
// [0, resultTape, resultRefs] or [1, pythonTypeName, message];
// `tramp()` (no arguments) tells Python the proxy is gone.
let live = 0;

function makeProxy(tramp, once) {
  let alive = true;
  live++;
  const release = () => {
    const t = tramp;
    tramp = null;
    t();
    if (typeof t.destroy === "function") t.destroy();
  };
  const destroy = () => {
    if (!alive) return;
    alive = false; live--;
    release();
  };
  const fn = function (...args) {
    if (!alive) throw new Error("pyscript_ffi: this proxy has been destroyed");
    const t = tramp;
    if (once) { alive = false; live--; }
    let answer;
    try {
      const encoded = toPy(args, 1);
      if (encoded[0] !== 0) throw encoded[5] instanceof Error ? encoded[5] : new Error(encoded[3] + " at " + encoded[4]);
      answer = t(encoded[1], encoded[2]);
    } finally {
      if (once) release();
    }
    if (answer[0] !== 0) {
      const err = new Error(answer[1] + ": " + answer[2]);
      err.name = "PythonError";
      err.pythonType = answer[1];
      throw err;
    }
    const built = toJs(answer[1], answer[2]);
    if (built[0] !== 0) throw built[5] instanceof Error ? built[5] : new Error(built[3] + " at " + built[4]);
    return built[1];
  };
  fn.destroy = destroy;
  return fn;
}

function liveProxies() { return live; }

return { toJs, toPy, assign, gather, makeProxy, liveProxies };
"""


def helper_source(json_tapes):
    """The full source of the helper factory (tags and flavour prepended)."""
    flag = "true" if json_tapes else "false"
    return js_constants() + "const JSON_TAPES = " + flag + ";\n" + SOURCE
