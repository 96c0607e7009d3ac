// Entry point: wires the filter bar, map, timeline, table, top lists and event panel together.

import "./style.css";
import { download, get, qs, token } from "./api.js";
import { $, clear, h } from "./dom.js";
import { arabicNames, getLang, interLabel, setLang, t, typeLabel, valueLabel } from "./i18n.js";
import { currentBbox, fillLegend, initMap, invalidate, onViewChange, refreshMap, relabelMap, resetView } from "./map.js";
import { MultiSelect } from "./multiselect.js";
import { closePanel, initPanel, openPanel, rerender } from "./panel.js";
import { initAutoRefresh } from "./refresh.js";
import { apiFilters, onChange, readHash, resetState, setFilters, state, writeHash } from "./state.js";
import { initTable, refreshTable, renderColumnChooser } from "./table.js";
import { initTimeline, refreshTimeline } from "./timeline.js";
import { initTops, refreshTops } from "./tops.js";

let meta;
const pickers = {};
const TEXT_KEYS = ["date_from", "date_to", "actor", "q", "status", "origin", "fatalities_min", "fatalities_max"];

function showError(err) {
  const box = $("#toast");
  box.textContent = `${t("error")}: ${err.message || err}`;
  box.hidden = false;
  setTimeout(() => (box.hidden = true), 6000);
}

function fillFilterForm() {
  const f = state.filters;
  for (const k of TEXT_KEYS) $(`#f-${k}`).value = f[k] || (k === "status" ? "active" : "");
  for (const [k, picker] of Object.entries(pickers)) picker.set(f[k] || []);
  $("#f-interaction").value = (f.interaction || []).join(", ");
  $("#f-undated").checked = f.undated === "true";
  $("#f-bbox-toggle").checked = Boolean(f.bbox);
  // "More filters (2)": how many of its filters are set, so a shared link shows it holds some.
  const more = ["inter1", "inter2", "interaction", "fatalities_min", "fatalities_max", "undated"].filter((k) => f[k]?.length);
  $("#more-filters summary").textContent = more.length ? `${t("more_filters")} (${more.length})` : t("more_filters");
  $("#more-filters").classList.toggle("active", more.length > 0);
  fillSubTypes();
  updateExportLinks();
}

function readFilterForm() {
  const patch = {};
  for (const k of TEXT_KEYS) {
    const v = $(`#f-${k}`).value.trim();
    patch[k] = v === "active" ? "" : v;
  }
  for (const [k, picker] of Object.entries(pickers)) patch[k] = picker.get();
  patch.interaction = [
    ...new Set(
      $("#f-interaction")
        .value.split(/[\s,،;]+/)
        .filter((s) => /^\d{1,2}$/.test(s))
        .map(interactionCode),
    ),
  ];
  patch.undated = $("#f-undated").checked ? "true" : "";
  patch.bbox = $("#f-bbox-toggle").checked ? currentBbox() : "";
  return patch;
}

/** ACLED's way of writing an interaction: the lower inter code first, a one-sided event as its
 * code and 0 ("71" → "17", "6" → "60"), so a code typed either way finds the events. */
function interactionCode(s) {
  const [a, b = "0"] = s.split("");
  if (a === "0" || b === "0") return `${a === "0" ? b : a}0`;
  return a <= b ? `${a}${b}` : `${b}${a}`;
}

function makePickers() {
  const apply = () => setFilters(readFilterForm());
  const mk = (key, opts) => (pickers[key] = new MultiSelect($(`#h-${key}`), { id: `f-${key}`, onchange: apply, ...opts }));
  mk("country", { search: true, label: (v) => valueLabel("country", v) });
  mk("admin1", { search: true, label: (v) => valueLabel("admin1", v) });
  mk("event_type", {
    label: typeLabel,
    onchange: () => {
      fillSubTypes();
      apply();
    },
  });
  mk("sub_event_type", { label: (v) => valueLabel("sub_event_type", v) });
  mk("inter1", { label: interLabel });
  mk("inter2", { label: interLabel });
  pickers.event_type.setOptions(Object.keys(meta.event_types));
  // The API's inter codes (1–8): 0, "no second actor", is not a filter value it takes.
  pickers.inter1.setOptions(Object.keys(meta.inter_codes));
  pickers.inter2.setOptions(Object.keys(meta.inter_codes));
}

/** Sub-event types of the chosen event types (all of them when none is chosen). */
function fillSubTypes() {
  const types = pickers.event_type.get();
  const subs = Object.entries(meta.event_types)
    .filter(([ty]) => !types.length || types.includes(ty))
    .flatMap(([, s]) => s);
  pickers.sub_event_type.setOptions(subs);
}

function fillActorList() {
  // English names the data holds, and the knowledge base's Arabic names (the API resolves both).
  get(`api/actors${qs({ limit: 300 })}`)
    .then((list) => {
      const dl = clear($("#dl-actor"));
      const ar = arabicNames("actors");
      for (const a of list) {
        dl.append(h("option", { value: a.actor }, ar[a.actor] || ""));
        if (ar[a.actor]) dl.append(h("option", { value: ar[a.actor] }, a.actor));
      }
    })
    .catch(() => {});
}

function setSummary(stats) {
  $("#summary").textContent =
    `${stats.total_events.toLocaleString()} ${t("events")} · ${stats.total_fatalities.toLocaleString()} ${t("fatalities_total")}`;
}

function refreshStats() {
  return get(`api/stats${qs(apiFilters())}`).then(setSummary);
}

/** The values offered by the country and admin1 lists: those present under the other filters. */
function refreshOptions() {
  return get(`api/stats${qs(apiFilters({ country: undefined, admin1: undefined, bbox: undefined }))}`).then((s) => {
    pickers.country.setOptions(s.by_country.map((b) => b.key));
    pickers.admin1.setOptions(s.by_admin1.slice(0, 400).map((b) => b.key));
  });
}

/** A filter the API refused (422): its reason beside the filter, and once in the toast (every
 * panel asked the same question and got the same answer). */
function showFilterErrors(errors) {
  for (const el of document.querySelectorAll(".filters .invalid")) {
    el.classList.remove("invalid");
    el.removeAttribute("title");
  }
  for (const e of errors) {
    const el = $(`#f-${CSS.escape(e.field || "")}`);
    if (!el) continue;
    el.classList.add("invalid");
    el.title = e.reason;
  }
}

async function settle(promises) {
  const results = await Promise.allSettled(promises);
  const failed = results.filter((r) => r.status === "rejected").map((r) => r.reason);
  const refused = failed.find((e) => e?.status === 422 && e.body?.errors?.length);
  showFilterErrors(refused ? refused.body.errors : []);
  if (refused) {
    const why = refused.body.errors.map((e) => `${t(e.field)}: ${e.reason}`).join(" · ");
    showError(`${t("filter_refused")} — ${why}`);
  } else if (failed.length) showError(failed[0]);
}

/** Everything after a filter change; the map frames the result unless only its own view moved. */
async function refreshAll({ fit = true } = {}) {
  fillFilterForm();
  await settle([refreshTable(), refreshMap({ fit }), refreshTimeline(), refreshStats(), refreshTops(), refreshOptions()]);
}

/** The auto-refresh tick, and the refresh after a review edit: the same data for the same filter,
 * but the filter form (the analyst may be typing in it), the open event panel, the map's view,
 * the page, sort and the table's scroll position are left as they are. */
async function refreshData() {
  const box = $("#table");
  const scroll = box.scrollTop;
  const table = refreshTable().then(() => (box.scrollTop = scroll));
  await settle([table, refreshMap({ fit: false }), refreshTimeline(), refreshStats(), refreshTops()]);
  $("#refreshed").textContent = t("refreshed_at", { time: new Date().toLocaleTimeString() });
}

async function open(id) {
  state.event = id;
  writeHash();
  document.body.classList.add("panel-open");
  for (const row of document.querySelectorAll("tr.row")) row.classList.toggle("selected", row.dataset.id === id);
  await openPanel(id);
  invalidate();
}

function close() {
  state.event = null;
  writeHash();
  document.body.classList.remove("panel-open");
  closePanel();
  invalidate();
}

function showSignedIn(user) {
  const signedIn = Boolean(user);
  $("#who").textContent = signedIn ? `${t("signed_in_as")} ${user}` : "";
  $("#who").dataset.user = user || "";
  $("#token-form").hidden = signedIn;
  $("#signout").hidden = !signedIn;
}

async function checkToken() {
  if (!token.get()) {
    showSignedIn(null);
    return;
  }
  try {
    const me = await get("api/me");
    showSignedIn(me.user);
    if (!me.user) {
      token.set("");
      $("#who").textContent = t("bad_token");
    }
  } catch (err) {
    showError(err);
  }
}

function exportPath(format) {
  return `api/export${qs({ ...apiFilters(), format, sort: state.sort })}`;
}

/** The export links always carry the current filter and sort (a plain link streams big exports
 * straight to disk, and can be copied). */
function updateExportLinks() {
  for (const a of document.querySelectorAll("[data-export]")) a.href = exportPath(a.dataset.export);
}

function relabel() {
  setLang(getLang());
  for (const p of Object.values(pickers)) p.relabel();
  fillLegend();
  relabelMap();
  renderColumnChooser();
  showSignedIn($("#who").dataset.user || null);
}

/** The header's height, so the event panel opens below it and never covers sign-in. */
function trackHeader() {
  const set = () => document.documentElement.style.setProperty("--top-h", `${$("header.top").offsetHeight}px`);
  new ResizeObserver(set).observe($("header.top"));
  set();
}

function bind() {
  // The drop-downs (More filters, Columns) close on a click elsewhere, like a menu.
  document.addEventListener("click", (e) => {
    for (const d of document.querySelectorAll("details.more[open], details.columns[open]")) {
      if (!d.contains(e.target)) d.open = false;
    }
  });
  // A drop-down opened near the window's edge is moved back inside it (More filters sits at the
  // end of the filter bar, and its pop-up is wider than its button).
  for (const d of document.querySelectorAll("details.more, details.ms")) {
    d.addEventListener("toggle", () => {
      const pop = d.querySelector(".more-pop, .ms-pop");
      if (!d.open || !pop) return;
      pop.style.translate = "";
      const r = pop.getBoundingClientRect();
      const shift = r.right > innerWidth - 8 ? innerWidth - 8 - r.right : r.left < 8 ? 8 - r.left : 0;
      if (shift) pop.style.translate = `${shift}px 0`;
    });
  }
  $("#filter-form").addEventListener("submit", (e) => {
    e.preventDefault();
    setFilters(readFilterForm());
  });
  $("#reset").addEventListener("click", () => {
    close();
    resetView();
    resetState();
  });
  $("#clear-dates").addEventListener("click", () => setFilters({ date_from: "", date_to: "" }));
  $("#lang").addEventListener("click", () => {
    setLang(getLang() === "ar" ? "en" : "ar");
    localStorage.setItem("marsad.lang", getLang());
    relabel();
    refreshAll({ fit: false });
    rerender();
  });
  $("#token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    token.set($("#token").value.trim());
    $("#token").value = "";
    checkToken().then(rerender);
  });
  $("#signout").addEventListener("click", () => {
    token.set("");
    checkToken().then(rerender);
  });
  for (const a of document.querySelectorAll("[data-export]")) {
    a.addEventListener("click", (e) => {
      if (meta.public_read) return; // the link itself downloads
      e.preventDefault(); // private reads: the token goes in a header, so fetch it
      download(exportPath(a.dataset.export), a.getAttribute("download")).catch(showError);
    });
  }
  $("#f-bbox-toggle").addEventListener("change", () =>
    setFilters({ bbox: $("#f-bbox-toggle").checked ? currentBbox() : "" }),
  );
  // "Limit to map view" follows every pan and zoom.
  onViewChange(() => {
    if ($("#f-bbox-toggle").checked) setFilters({ bbox: currentBbox() });
  });
  $("#f-origin").addEventListener("change", () => setFilters(readFilterForm()));
  $("#f-status").addEventListener("change", () => setFilters(readFilterForm()));
  $("#f-undated").addEventListener("change", () => setFilters(readFilterForm()));
  const seconds = initAutoRefresh($("#auto-refresh"), refreshData);
  $("#auto-refresh").parentElement.title = t("auto_refresh_title", { s: seconds });
  // The map frames the filtered events, except when the change is its own view (bbox) moving.
  onChange((patch) => refreshAll({ fit: !(Object.keys(patch).length === 1 && "bbox" in patch) }));
  window.addEventListener("hashchange", () => {
    readHash();
    refreshAll();
  });
}

async function start() {
  setLang(localStorage.getItem("marsad.lang") || "en");
  readHash();
  try {
    meta = await get("api/meta");
  } catch (err) {
    showError(err);
    return;
  }
  trackHeader();
  makePickers();
  initMap($("#map"), { open, bbox: state.filters.bbox });
  initTimeline($("#timeline"));
  initTable($("#table"), { open });
  initTops($("#tops"), { pick: (key, value) => addFilterValue(key, value) });
  initPanel($("#panel"), { meta, close, changed: () => refreshData() });
  bind();
  fillActorList();
  await checkToken();
  await refreshAll({ fit: !state.filters.bbox });
  document.body.dataset.ready = "1";
  if (state.event) open(state.event);
}

function addFilterValue(key, value) {
  if (key === "actor") setFilters({ actor: value });
  else setFilters({ [key]: [...new Set([...(state.filters[key] || []), value])] });
}

start();
