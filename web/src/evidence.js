// Evidence spans -> text segments for highlighting.
//
// The store gives spans as [start, end) offsets in Unicode code points (Python string indices).
// JavaScript strings index UTF-16 code units, so a character outside the BMP (an emoji, some
// rare CJK) counts 1 in Python and 2 here. We convert once through a code-point -> code-unit
// table instead of slicing with raw offsets, which would shift every later highlight.

/** Code-unit offset of every code-point index 0..n (inclusive of the end). */
export function codePointOffsets(text) {
  const offsets = [];
  let unit = 0;
  for (const ch of text) {
    offsets.push(unit);
    unit += ch.length; // 1 for BMP, 2 for a surrogate pair
  }
  offsets.push(unit);
  return offsets;
}

/**
 * Split `text` into consecutive segments, each with the list of fields whose evidence covers it.
 * spans: [{field, start, end}] in code points. Out-of-range or empty spans are ignored, overlapping
 * spans give segments with several fields. Returns [{text, fields: [..]}] whose texts join back
 * to `text` exactly.
 */
export function segment(text, spans) {
  const offsets = codePointOffsets(text);
  const nPoints = offsets.length - 1;
  const valid = [];
  for (const s of spans || []) {
    const start = Number(s.start);
    const end = Math.min(Number(s.end), nPoints);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) continue;
    valid.push({ field: String(s.field), start, end });
  }
  const cuts = new Set([0, nPoints]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const fields = [];
    for (const s of valid) {
      if (s.start <= a && s.end >= b && !fields.includes(s.field)) fields.push(s.field);
    }
    out.push({ text: text.slice(offsets[a], offsets[b]), fields, start: a, end: b });
  }
  return out;
}
