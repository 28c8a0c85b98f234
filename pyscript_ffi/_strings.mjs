// Text helpers every conversion shares (both interpreters): the JS spelling of
// a dict key, UTF-8 and WTF-8 decoding that keeps every code point, and
// base64 text <-> bytes.

// The JS property key a Python dict key becomes (JSON spelling).
export function spell(key) {
  return key === null ? "null" : String(key);
}

// A UTF-8 decoder that refuses what is not UTF-8 (`fatal`) and keeps a leading
// U+FEFF (`ignoreBOM`: a byte-order mark is data, never stripped); null where
// the engine has no TextDecoder (callers then decode by hand, `fromWtf8`).
export const utf8 = typeof TextDecoder === "function" ? new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }) : null;
export const utf8Out = typeof TextEncoder === "function" ? new TextEncoder() : null;
// A string without lone surrogates (what UTF-8 can carry).
export const wellFormed = typeof "".isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !/[\ud800-\udfff]/.test(s);

const fromCharCode = String.fromCharCode;
export const SHORT = 64;
const CHARS = [];  // CHARS[n]: a reused Array of n char codes (fromCharCode.apply: no subarray, no concatenation)
for (let n = 0; n <= SHORT; n++) CHARS.push(new Array(n).fill(0));

// The string of the `n` (<= SHORT) bytes of `u8` at `at` if they are all ASCII, else null.
export function shortAscii(u8, at, n) {
  const chars = CHARS[n];
  for (let j = 0; j < n; j++) {
    const c = u8[at + j];
    if (c >= 0x80) return null;
    chars[j] = c;
  }
  return fromCharCode.apply(null, chars);
}

// UTF-8 bytes -> string, by hand: a leading U+FEFF stays, and a lone
// surrogate's 3-byte form (which a TextDecoder would replace) is that surrogate.
export function fromWtf8(b) {
  let s = "";
  const units = [];
  for (let j = 0; j < b.length;) {
    const c = b[j];
    let cp;
    if (c < 0x80) { cp = c; j += 1; }
    else if (c < 0xe0) { cp = ((c & 0x1f) << 6) | (b[j + 1] & 0x3f); j += 2; }
    else if (c < 0xf0) { cp = ((c & 0x0f) << 12) | ((b[j + 1] & 0x3f) << 6) | (b[j + 2] & 0x3f); j += 3; }
    else { cp = ((c & 0x07) << 18) | ((b[j + 1] & 0x3f) << 12) | ((b[j + 2] & 0x3f) << 6) | (b[j + 3] & 0x3f); j += 4; }
    if (cp > 0xffff) { cp -= 0x10000; units.push(0xd800 | (cp >> 10), 0xdc00 | (cp & 0x3ff)); }
    else units.push(cp);
    if (units.length >= 4096) { s += fromCharCode.apply(null, units); units.length = 0; }
  }
  return s + fromCharCode.apply(null, units);
}

// base64 text -> a fresh Uint8Array of its bytes (the tape's STRU8 strings, and
// MicroPython's buffers where its heap was not found).
export function fromBase64(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let j = 0; j < raw.length; j++) bytes[j] = raw.charCodeAt(j);
  return bytes;
}

// The bytes of `u8` as base64 text.
export function toBase64(u8) {
  let raw = "";
  for (let j = 0; j < u8.length; j += 8192) raw += fromCharCode.apply(null, u8.subarray(j, j + 8192));
  return btoa(raw);
}
