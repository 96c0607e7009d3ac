// The "Top actors" and "Top admin1" tabs: the actors (GET /api/actors) and admin1 units
// (GET /api/stats by_admin1) with the most events under the current filter, as bars. Clicking a
// name adds it to the filter.

import { get, qs } from "./api.js";
import { $, $$, clear, h } from "./dom.js";
import { interLabel, t, valueLabel } from "./i18n.js";
import { apiFilters } from "./state.js";

const TOP = 20;
let root;
let tab = "events";
let onPick = () => {};
let request = 0;

export function initTops(el, { pick }) {
  root = el;
  onPick = pick;
  for (const btn of $$(".tabs [data-tab]")) btn.addEventListener("click", () => show(btn.dataset.tab));
}

function show(next) {
  tab = next;
  for (const btn of $$(".tabs [data-tab]")) {
    btn.classList.toggle("on", btn.dataset.tab === tab);
    btn.setAttribute("aria-selected", String(btn.dataset.tab === tab));
  }
  $("#table").hidden = tab !== "events";
  $("#columns").hidden = tab !== "events";
  root.hidden = tab === "events";
  refreshTops();
}

export async function refreshTops() {
  if (tab === "events") return;
  const mine = ++request;
  let rows;
  if (tab === "actors") {
    const list = await get(`api/actors${qs({ ...apiFilters(), limit: TOP })}`);
    rows = list.map((a) => ({
      key: "actor",
      value: a.actor,
      text: valueLabel("actor", a.actor),
      sub: a.inter ? interLabel(a.inter) : "",
      events: a.events,
      fatalities: a.fatalities,
    }));
  } else {
    const stats = await get(`api/stats${qs(apiFilters())}`);
    rows = stats.by_admin1
      .filter((b) => b.key)
      .slice(0, TOP)
      .map((b) => ({ key: "admin1", value: b.key, text: valueLabel("admin1", b.key), sub: "", events: b.events, fatalities: b.fatalities }));
  }
  if (mine !== request) return;
  draw(rows);
}

function draw(rows) {
  clear(root);
  const most = Math.max(1, ...rows.map((r) => r.events));
  root.append(h("p", { class: "hint" }, t("top_hint")));
  if (!rows.length) root.append(h("p", { class: "empty" }, t("no_events")));
  const list = h("ol", { class: "top-list", id: `top-${tab}` });
  for (const r of rows) {
    const bar = h("span", { class: "top-bar" });
    bar.style.width = `${(100 * r.events) / most}%`;
    list.append(
      h(
        "li",
        {},
        h(
          "button",
          { type: "button", class: "top-name", dir: "auto", title: r.value, "data-value": r.value, onclick: () => onPick(r.key, r.value) },
          r.text,
        ),
        h("span", { class: "top-sub" }, r.sub),
        h("span", { class: "top-track" }, bar),
        h("span", { class: "top-num", title: t("events") }, String(r.events)),
        h("span", { class: "top-num fat", title: t("fatalities_total") }, String(r.fatalities)),
      ),
    );
  }
  root.append(list);
}
