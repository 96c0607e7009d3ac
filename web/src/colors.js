// Event-type colours (one per CODING.md §2 type) and evidence-field colours.

export const TYPE_COLORS = {
  Battles: "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  Protests: "#27ae60",
  Riots: "#d4ac0d",
  "Strategic developments": "#2e86c1",
};
export const OTHER_COLOR = "#7f8c8d";
export const typeColor = (ty) => TYPE_COLORS[ty] || OTHER_COLOR;

// Evidence highlight colours, assigned to fields in a fixed order so a field keeps its colour.
const FIELD_ORDER = [
  "event_date", "event_type", "sub_event_type", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2",
  "location", "admin1", "admin2", "country", "fatalities", "injuries", "weapons", "time_precision",
  "geo_precision", "civilian_targeting", "primary",
]; // prettier-ignore
const FIELD_PALETTE = [
  "#f9e79f", "#f5b7b1", "#d2b4de", "#aed6f1", "#a9dfbf", "#fad7a0", "#d5dbdb", "#a3e4d7", "#f8c471",
  "#85c1e9", "#c39bd3", "#f1948a", "#82e0aa", "#f7dc6f", "#bb8fce", "#76d7c4", "#e59866", "#aab7b8",
]; // prettier-ignore

export function fieldColor(field) {
  const i = FIELD_ORDER.indexOf(field);
  if (i >= 0) return FIELD_PALETTE[i % FIELD_PALETTE.length];
  let hash = 0;
  for (const ch of field) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return FIELD_PALETTE[hash % FIELD_PALETTE.length];
}

/** Circle radius in pixels: grows with the square root of fatalities (area ~ deaths). */
export function radiusFor(fatalities) {
  return Math.min(30, 4 + 2.2 * Math.sqrt(Math.max(0, fatalities || 0)));
}
