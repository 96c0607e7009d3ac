// node --test: evidence segmentation keeps the text intact and honours code-point offsets.
import assert from "node:assert/strict";
import { test } from "node:test";
import { codePointOffsets, segment } from "../src/evidence.js";

test("Arabic BMP text: offsets equal code units", () => {
  const text = "قتل ثلاثة مدنيين في السخنة";
  const start = text.indexOf("السخنة");
  const segs = segment(text, [{ field: "location", start, end: start + "السخنة".length }]);
  assert.equal(segs.map((s) => s.text).join(""), text);
  const marked = segs.filter((s) => s.fields.length);
  assert.deepEqual(marked.map((s) => s.text), ["السخنة"]);
});

test("astral characters before a span shift code units but not code points", () => {
  const text = "😀😀 هجوم على تدمر";
  // Python would index "تدمر" at code point 12: the two emoji count one each.
  const cp = [...text].indexOf("ت", 4);
  assert.equal(cp, 12);
  assert.equal(text.indexOf("تدمر"), 14); // in UTF-16 code units
  const segs = segment(text, [{ field: "location", start: cp, end: cp + 4 }]);
  assert.deepEqual(segs.filter((s) => s.fields.length).map((s) => s.text), ["تدمر"]);
  assert.equal(segs.map((s) => s.text).join(""), text);
  assert.deepEqual(codePointOffsets("a😀b"), [0, 1, 3, 4]);
});

test("overlapping spans and bad spans", () => {
  const text = "abcdefgh";
  const segs = segment(text, [
    { field: "x", start: 1, end: 5 },
    { field: "y", start: 3, end: 7 },
    { field: "bad", start: 6, end: 2 },
    { field: "far", start: 100, end: 120 },
  ]);
  assert.equal(segs.map((s) => s.text).join(""), text);
  assert.deepEqual(
    segs.map((s) => [s.text, s.fields.join("+")]),
    [["a", ""], ["bc", "x"], ["de", "x+y"], ["fg", "y"], ["h", ""]],
  );
});
