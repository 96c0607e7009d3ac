// The events table: server-side sorting (click a header) and paging.

import { get, qs } from "./api.js";
import { typeColor } from "./colors.js";
import { append, clear, h } from "./dom.js";
import { fieldLabel, statusLabel, t, typeLabel } from "./i18n.js";
import { apiFilters, state, writeHash } from "./state.js";

const COLUMNS = [
  "event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
  "location", "fatalities", "n_sources", "status",
]; // prettier-ignore
const SORTABLE = new Set([
  "event_date", "event_id_cnty", "fatalities", "event_type", "country", "admin1", "location", "actor1",
  "actor2", "n_sources",
]); // prettier-ignore
const PAGE = 50;

let root;
let onOpen = () => {};
let request = 0;
let total = 0;
let totalExact = true; // past 10,000 matches the API counts no further (EventPage.total_exact)

export function initTable(el, { open }) {
  root = el;
  onOpen = open;
}

export async function refreshTable() {
  const mine = ++request;
  const params = { ...apiFilters(), sort: state.sort, limit: PAGE, offset: state.page * PAGE };
  const page = await get(`api/events${qs(params)}`);
  if (mine !== request) return page;
  total = page.total;
  totalExact = page.total_exact !== false;
  render(page);
  return page;
}

function sortBy(col) {
  state.sort = state.sort === `-${col}` ? col : `-${col}`;
  state.page = 0;
  writeHash();
  refreshTable();
}

function cell(col, ev) {
  const v = ev[col];
  if (col === "event_type") {
    return h("td", {}, h("span", { class: "dot", style: { background: typeColor(v) } }), typeLabel(v));
  }
  if (col === "status") return h("td", {}, h("span", { class: `status status-${v}` }, statusLabel(v)));
  if (col === "fatalities" || col === "n_sources") return h("td", { class: "num" }, String(v ?? ""));
  if (col === "event_id_cnty") return h("td", { class: "mono nowrap" }, v);
  if (col === "event_date") return h("td", { class: "nowrap" }, v || "—");
  return h("td", {}, v ?? "");
}

function render(page) {
  clear(root);
  const head = h(
    "tr",
    {},
    COLUMNS.map((col) => {
      const active = state.sort.replace(/^-/, "") === col;
      const arrow = active ? (state.sort.startsWith("-") ? " ▼" : " ▲") : "";
      if (!SORTABLE.has(col)) return h("th", {}, fieldLabel(col));
      return h(
        "th",
        { class: active ? "sortable sorted" : "sortable", "aria-sort": active ? (arrow.includes("▼") ? "descending" : "ascending") : null },
        h("button", { type: "button", onclick: () => sortBy(col), "data-col": col }, fieldLabel(col) + arrow),
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
        COLUMNS.map((col) => cell(col, ev)),
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
