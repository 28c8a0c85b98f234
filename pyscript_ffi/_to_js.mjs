// Python -> JS (pyscript_ffi/_to_js.py): `toJs` rebuilds a value from the tape
// that `encode` made; `prepareValues` builds the values written to JS through a
// JsProxy (`_written` in _jsproxy.py). The fast routes for JSON-shaped data are
// the backends' (`fromMarshal` in _pyodide.mjs, `fromObjects` in _micropython.mjs).

import { retype } from "./_binary.mjs";
import { boxed, fail, handOut, out, unbox, weakHolders } from "./_box.mjs";
import { putWritten, unwire } from "./_bridge.mjs";
import { conversionError, jsError } from "./_errors.mjs";
import { typeBuilder } from "./_hooks.mjs";
import { A_CONVERSION, KIND, KIND_CONVERSION, MESSAGE, OK, PATH, THROWN_VALUE } from "./_protocol.mjs";
import { defineOwn, hasOwn } from "./_shapes.mjs";
import { fromBase64, fromWtf8, spell } from "./_strings.mjs";
import {
  AGAIN, ARR, BIG, BYTES, FALSE, FLOAT, INF, INT, MAP, NAN, NEGZERO, NINF, NULL, OBJ, OTHER, REF, SET, STR,
  STRPARTS, STRU8, TRUE, TYPED, UNDEF,
} from "./_tape.mjs";

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
  if (f.tag === SET) return [OK, new Set(f.c)];
  if (f.tag === MAP) {
    try { return [OK, unbox(refs[f.conv])(f.c)]; }
    catch (e) { return jsError(e, partsOf(stack)); }
  }
  return [OK, f.c];
}

export function toJs(tape, refs) {
  let i = 0;
  const stack = [];
  const built = [];  // containers in tape order (AGAIN n is built[n]); set when complete
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
      case BYTES: v = refs[tape[i++]]; break;
      case REF: case OTHER: v = unbox(refs[tape[i++]]); if (weakHolders.has(v)) v = v.get(); break;
      case STRU8: v = fromWtf8(fromBase64(tape[i++])); break;
      case AGAIN: v = built[tape[i++]]; break;
      case TYPED: {
        const code = tape[i++];
        try { v = retype(code, refs[tape[i++]]); }
        catch (e) { return jsError(e, partsOf(stack)); }
        break;
      }
      case ARR: case SET: case OBJ: case MAP: {
        const conv = tag === MAP ? tape[i++] : -1;
        const n = tape[i++];
        const f = { tag, n, k: 0, c: tag === OBJ ? {} : [], hasKey: false, key: undefined, conv, at: built.length };
        built.push(undefined);
        if (n > 0) { stack.push(f); continue; }
        const r = finish(f, refs, stack);
        if (r[0] !== OK) return r;
        v = built[f.at] = r[1];
        break;
      }
      default: {
        const build = typeBuilder(tag);  // a conversion type's tag (_hooks.mjs)
        if (build === undefined) return conversionError("corrupt tape: tag " + tag + " at " + (i - 1), partsOf(stack));
        try { [v, i] = build(tape, i); }
        catch (e) { return jsError(e, partsOf(stack)); }
      }
    }
    // hand v to the containers being built, closing those that are complete
    for (;;) {
      const f = stack[stack.length - 1];
      if (f === undefined) return [OK, v];
      if (f.tag === OBJ) {
        if (!f.hasKey) {
          const key = spell(v);
          if (hasOwn.call(f.c, key)) {
            return conversionError("two dict keys become the same JS property " + JSON.stringify(key), partsOf(stack.slice(0, -1)));
          }
          f.hasKey = true; f.key = key;
          break;
        }
        if (f.key === "__proto__") defineOwn(f.c, f.key, v);
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
      if (r[0] !== OK) return r;
      v = built[f.at] = r[1];
    }
  }
}

// `to_js`'s answer (`build` in _to_js.py): `toJs` of the tape, its value as the
// interpreter's own handle to it (what the package makes FOR JavaScript is the JS
// value itself to every route). A container `toJs` built itself (Array, Object,
// Set, typed array) crosses as it is; any other object only once `handOut` lets
// it (a JS object it did not build, a JsProxy's or a dict_converter's result, may
// be a revoked or trapping Proxy that the interpreter's own conversion would probe:
// a JsException instead); a primitive as `out` gives it (a BigInt stays one,
// A_BIGINT). `keep` (depth 0): an object in a Box, so that Python holds our view
// of the JS value even when it is a proxy of a Python object (raw, that would be
// the Python object again).
export function toJsValue(tape, refs, keep) {
  const r = toJs(tape, refs);
  if (r[0] !== OK) return r;
  const v = r[1];
  if (v === null || (typeof v !== "object" && typeof v !== "function")) return [OK, out(v)];
  if (keep) return [OK, boxed(v)];
  const tag = tape[0];
  if (tag === ARR || tag === OBJ || tag === SET || tag === BYTES || tag === TYPED) return r;
  const refused = handOut(v);
  return refused === null ? r : jsError(refused, null);
}

// The values of `wired` (a `wire` reply `[OK, tape]`, refs stashed) built for
// the JsProxy operation that follows (it gets PENDING): 0, or what `read`
// raises (A_CONVERSION for a conversion error, else A_FAILED).
export function prepareValues(wired) {
  try {
    const [sent, refs] = unwire(wired);
    const built = toJs(sent[1], refs);
    if (built[0] !== OK) {
      if (built[KIND] === KIND_CONVERSION) return A_CONVERSION + JSON.stringify([built[MESSAGE], built[PATH]]);
      return fail(built[THROWN_VALUE]);
    }
    putWritten(built[1]);
    return 0;
  } catch (e) { return fail(e); }
}
