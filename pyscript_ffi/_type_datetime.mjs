// `datetime.datetime` -> `Date` (pyscript_ffi/_type_datetime.py writes the
// items after the tag "datetime"): [0, year, month, day, hour, minute, second,
// millisecond] is a local time, [1, milliseconds since 1970 as text] an instant.

import { addType } from "./_hooks.mjs";

addType("datetime", (tape, i) => {
  if (tape[i] === 1) return [new Date(Number(tape[i + 1])), i + 2];
  // A local time, as `new Date(y, m - 1, d, h, mi, s, ms)` reads it, but for the
  // years 0-99, which the constructor takes as 1900-1999 and setFullYear keeps.
  const d = new Date(2000, 0, 1);
  d.setFullYear(tape[i + 1], tape[i + 2] - 1, tape[i + 3]);
  d.setHours(tape[i + 4], tape[i + 5], tape[i + 6], tape[i + 7]);
  return [d, i + 8];
});
