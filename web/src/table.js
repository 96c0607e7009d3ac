// The events table: server-side sorting (click a header) and paging. It shows the columns an
// analyst reads first (date, type, actors, location, fatalities, status) on one line each,
// without horizontal scrolling; the column chooser adds the others (remembered in this browser).

import { get, qs } from "./api.js";
import { typeColor } from "./colors.js";
import { $, append, clear, h } from "./dom.js";
import { fieldLabel, listSep, statusLabel, t, typeLabel, valueLabel } from "./i18n.js";
import { apiFilters, state, writeHash } from "./state.js";

// key: the column; sort: the API sort key; cls: width class (style.css); text: the cell's text.
const COLUMNS = {
  event_id_cnty: { sort: "event_id_cnty", cls: "c-id" },
  event_date: { sort: "event_date", cls: "c-date" },
  event_type: { sort: "event_type", cls: "c-type" },
  sub_event_type: { cls: "c-sub" },
  disorder_type: { cls: "c-sub" },
  actors: { sort: "actor1", cls: "c-actors", label: () => t("actors_col") },
  inter1: { cls: "c-code" },
  inter2: { cls: "c-code" },
  interaction: { cls: "c-code" },
  location: { sort: "location", cls: "c-loc", label: () => t("location_col") },
  admin1: { sort: "admin1", cls: "c-admin" },
  country: { sort: "country", cls: "c-admin" },
  fatalities: { sort: "fatalities", cls: "c-num" },
  n_sources: { sort: "n_sources", cls: "c-num" },
  status: { cls: "c-status" },
};
const DEFAULT = ["event_date", "event_type", "actors", "location", "fatalities", "status"];
const KEY = "marsad.columns";
const PAGE = 50;

let root;
let onOpen = () => {};
let request = 0;
let total = 0;
let totalExact = true; // past 10,000 matches the API counts no further (EventPage.total_exact)
let lastPage = null;

function shownColumns() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || "null");
    if (Array.isArray(saved) && saved.length) return Object.keys(COLUMNS).filter((c) => saved.includes(c));
  } catch {
    /* a damaged setting: the default columns */
  }
  return DEFAULT;
}

const label = (col) => (COLUMNS[col].label ? COLUMNS[col].label() : fieldLabel(col));

export function initTable(el, { open }) {
  root = el;
  onOpen = open;
  renderColumnChooser();
}

/** The "Columns" drop-down: one checkbox a column. */
export function renderColumnChooser() {
  const pop = clear($("#columns-pop"));
  const shown = shownColumns();
  for (const col of Object.keys(COLUMNS)) {
    const box = h("input", {
      type: "checkbox",
      value: col,
      checked: shown.includes(col),
      onchange: () => {
        const next = [...pop.querySelectorAll("input:checked")].map((i) => i.value);
        localStorage.setItem(KEY, JSON.stringify(next.length ? next : DEFAULT));
        if (lastPage) render(lastPage);
      },
    });
    pop.append(h("label", { class: "ms-item" }, box, label(col)));
  }
}

export async function refreshTable() {
  const mine = ++request;
  const params = { ...apiFilters(), sort: state.sort, limit: PAGE, offset: state.page * PAGE };
  const page = await get(`api/events${qs(params)}`);
  if (mine !== request) return page;
  total = page.total;
  totalExact = page.total_exact !== false;
  lastPage = page;
  render(page);
  return page;
}

function sortBy(key) {
  state.sort = state.sort === `-${key}` ? key : `-${key}`;
  state.page = 0;
  writeHash();
  refreshTable();
}

function text(col, ev) {
  if (col === "actors") {
    const a1 = valueLabel("actor1", ev.actor1);
    const a2 = valueLabel("actor2", ev.actor2);
    return a2 ? `${a1} — ${a2}` : a1;
  }
  if (col === "location") {
    return [ev.location, valueLabel("admin1", ev.admin1), valueLabel("country", ev.country)].filter(Boolean).join(listSep());
  }
  if (col === "event_date") return ev.event_date || "—";
  if (col === "event_type") return typeLabel(ev.event_type);
  if (col === "status") return statusLabel(ev.status);
  return valueLabel(col, ev[col]) || String(ev[col] ?? "");
}

function cell(col, ev) {
  const value = text(col, ev);
  // One line a row: long values are cut with an ellipsis and shown whole on hover.
  // The cell keeps the page's direction: a Latin place name in the Arabic view reads as part of
  // the Arabic list, and every row is cut on the same side.
  const td = h("td", { class: `${COLUMNS[col].cls}`, title: value, "data-col": col });
  if (col === "event_type") td.append(h("span", { class: "dot", style: { background: typeColor(ev.event_type) } }));
  if (col === "status") td.append(h("span", { class: `status status-${ev.status}` }, value));
  else td.append(value);
  return td;
}

function render(page) {
  const cols = shownColumns();
  clear(root);
  const head = h(
    "tr",
    {},
    cols.map((col) => {
      const key = COLUMNS[col].sort;
      const active = key && state.sort.replace(/^-/, "") === key;
      const arrow = active ? (state.sort.startsWith("-") ? " ▼" : " ▲") : "";
      if (!key) return h("th", { class: COLUMNS[col].cls, title: label(col) }, label(col));
      return h(
        "th",
        {
          class: `${COLUMNS[col].cls} ${active ? "sortable sorted" : "sortable"}`,
          "aria-sort": active ? (arrow.includes("▼") ? "descending" : "ascending") : null,
        },
        h("button", { type: "button", onclick: () => sortBy(key), "data-col": col, title: label(col) }, label(col) + arrow),
      );
    }),
  );
  const body = h(
    "tbody",
    {},
    page.items.map((ev) =>
      h(
        "tr",
        {
          class: ev.event_id_cnty === state.event ? "row selected" : "row",
          tabindex: "0",
          "data-id": ev.event_id_cnty,
          onclick: () => onOpen(ev.event_id_cnty),
          onkeydown: (e) => e.key === "Enter" && onOpen(ev.event_id_cnty),
        },
        cols.map((col) => cell(col, ev)),
      ),
    ),
  );
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const pager = h(
    "div",
    { class: "pager" },
    h("button", { type: "button", disabled: state.page === 0, onclick: () => goto(state.page - 1) }, t("prev")),
    h("span", {}, t("page", { p: state.page + 1, n: totalExact ? pages : `${pages}+` })),
    h(
      "button",
      { type: "button", disabled: totalExact && state.page + 1 >= pages, onclick: () => goto(state.page + 1) },
      t("next"),
    ),
  );
  append(root, [
    h("table", { class: "events" }, h("thead", {}, head), body),
    page.items.length ? null : h("p", { class: "empty" }, t("no_events")),
    pager,
  ]);
}

function goto(p) {
  state.page = Math.max(0, p);
  writeHash();
  refreshTable();
}
