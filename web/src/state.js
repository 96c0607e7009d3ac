// The current view (filters, sort, page, open event) lives in the URL hash, so a view can be
// bookmarked or sent to a colleague, as in datasette. Multi-value filters are repeated keys
// (`country=Syria&country=Yemen`), as the API takes them.

/** Filters holding a list of values. */
export const MULTI_KEYS = ["country", "admin1", "event_type", "sub_event_type", "inter1", "inter2", "interaction"];
/** Filters holding one value. */
export const SINGLE_KEYS = [
  "date_from", "date_to", "actor", "q", "status", "origin", "fatalities_min", "fatalities_max", "undated", "bbox",
]; // prettier-ignore
export const FILTER_KEYS = [...MULTI_KEYS, ...SINGLE_KEYS];
export const DEFAULT_SORT = "-event_date";

const listeners = [];

export const state = {
  filters: {},
  sort: DEFAULT_SORT,
  page: 0,
  event: null, // id of the open event
};

const isEmpty = (v) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

export function readHash() {
  const sp = new URLSearchParams(location.hash.replace(/^#/, ""));
  state.filters = {};
  for (const k of MULTI_KEYS) {
    const vs = sp.getAll(k).filter(Boolean);
    if (vs.length) state.filters[k] = [...new Set(vs)];
  }
  for (const k of SINGLE_KEYS) {
    const v = sp.get(k);
    if (v) state.filters[k] = v;
  }
  state.sort = sp.get("sort") || DEFAULT_SORT;
  state.page = Math.max(0, Number.parseInt(sp.get("page") || "0", 10) || 0);
  state.event = sp.get("event") || null;
}

export function writeHash() {
  const sp = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = state.filters[k];
    if (isEmpty(v)) continue;
    if (Array.isArray(v)) v.forEach((x) => sp.append(k, x));
    else sp.set(k, v);
  }
  if (state.sort !== DEFAULT_SORT) sp.set("sort", state.sort);
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
    if (isEmpty(v)) continue;
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
    if (isEmpty(v)) delete state.filters[k];
    else state.filters[k] = v;
  }
  if (!keepPage) state.page = 0;
  writeHash();
  for (const fn of listeners) fn(patch);
}

/** Back to the first view: no filter, the default sort, first page, no open event. */
export function resetState() {
  state.filters = {};
  state.sort = DEFAULT_SORT;
  state.page = 0;
  writeHash();
  for (const fn of listeners) fn({ reset: true });
}
