// The current view (filters, sort, page, open event) lives in the URL hash, so a view can be
// bookmarked or sent to a colleague, as in datasette.

export const FILTER_KEYS = ["date_from", "date_to", "country", "admin1", "event_type", "actor", "q", "status", "origin", "bbox"];

const listeners = [];

export const state = {
  filters: {},
  sort: "-event_date",
  page: 0,
  event: null, // id of the open event
};

export function readHash() {
  const sp = new URLSearchParams(location.hash.replace(/^#/, ""));
  state.filters = {};
  for (const k of FILTER_KEYS) {
    const v = sp.get(k);
    if (v) state.filters[k] = v;
  }
  state.sort = sp.get("sort") || "-event_date";
  state.page = Math.max(0, Number.parseInt(sp.get("page") || "0", 10) || 0);
  state.event = sp.get("event") || null;
}

export function writeHash() {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(state.filters)) if (v) sp.set(k, v);
  if (state.sort !== "-event_date") sp.set("sort", state.sort);
  if (state.page) sp.set("page", String(state.page));
  if (state.event) sp.set("event", state.event);
  const next = `#${sp.toString()}`;
  if (location.hash !== next) history.replaceState(null, "", next);
}

/** Filters as API query parameters ("status=all" means every status; unset means active). */
export function apiFilters(overrides = {}) {
  const f = { ...state.filters, ...overrides };
  const out = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === "") continue;
    if (k === "status") {
      if (v === "all") out.status = ["unreviewed", "confirmed", "edited", "rejected", "merged"];
      else if (v !== "active") out.status = [v];
    } else out[k] = v;
  }
  return out;
}

export function onChange(fn) {
  listeners.push(fn);
}

export function setFilters(patch, { keepPage = false } = {}) {
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === null || v === "") delete state.filters[k];
    else state.filters[k] = v;
  }
  if (!keepPage) state.page = 0;
  writeHash();
  for (const fn of listeners) fn(patch);
}
