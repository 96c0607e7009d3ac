// Entry point: wires the filter bar, map, timeline, table and event panel together.

import "./style.css";
import { download, get, qs, token } from "./api.js";
import { $, clear, h } from "./dom.js";
import { getLang, setLang, t, typeLabel } from "./i18n.js";
import { currentBbox, fillLegend, initMap, invalidate, refreshMap } from "./map.js";
import { closePanel, initPanel, openPanel, rerender } from "./panel.js";
import { FILTER_KEYS, apiFilters, onChange, readHash, setFilters, state, writeHash } from "./state.js";
import { initAutoRefresh } from "./refresh.js";
import { initTable, refreshTable } from "./table.js";
import { initTimeline, refreshTimeline } from "./timeline.js";

let meta;

function showError(err) {
  const box = $("#toast");
  box.textContent = `${t("error")}: ${err.message || err}`;
  box.hidden = false;
  setTimeout(() => (box.hidden = true), 6000);
}

function fillFilterForm() {
  for (const k of FILTER_KEYS) {
    const el = $(`#f-${k}`);
    if (el) el.value = state.filters[k] || (k === "status" ? "active" : "");
  }
  $("#f-bbox-toggle").checked = Boolean(state.filters.bbox);
}

function readFilterForm() {
  const patch = {};
  for (const k of FILTER_KEYS) {
    const el = $(`#f-${k}`);
    if (el) patch[k] = el.value.trim() === "active" ? "" : el.value.trim();
  }
  patch.bbox = $("#f-bbox-toggle").checked ? currentBbox() : "";
  return patch;
}

function fillEventTypes() {
  const sel = $("#f-event_type");
  const keep = sel.value;
  clear(sel).append(h("option", { value: "" }, t("any")));
  for (const ty of Object.keys(meta.event_types)) sel.append(h("option", { value: ty }, typeLabel(ty)));
  sel.value = keep;
}

function fillDatalists(stats) {
  const fill = (id, buckets) => {
    const dl = clear($(id));
    for (const b of buckets.slice(0, 200)) if (b.key) dl.append(h("option", { value: b.key }));
  };
  fill("#dl-country", stats.by_country);
  fill("#dl-admin1", stats.by_admin1);
}

function setSummary(stats) {
  $("#summary").textContent =
    `${stats.total_events.toLocaleString()} ${t("events")} · ${stats.total_fatalities.toLocaleString()} ${t("fatalities_total")}`;
}

function refreshStats() {
  return get(`api/stats${qs(apiFilters())}`).then((s) => {
    setSummary(s);
    fillDatalists(s);
  });
}

async function refreshAll() {
  fillFilterForm();
  const results = await Promise.allSettled([refreshTable(), refreshMap(), refreshTimeline(), refreshStats()]);
  for (const r of results) if (r.status === "rejected") showError(r.reason);
}

/** The auto-refresh tick: the same data for the same filter, but the filter form (the analyst may
 * be typing in it), the open event panel (an edit in progress), the map's view, the page, sort and
 * the table's scroll position are left as they are. */
async function refreshData() {
  const box = $("#table");
  const scroll = box.scrollTop;
  const table = refreshTable().then(() => (box.scrollTop = scroll));
  const results = await Promise.allSettled([table, refreshMap(), refreshTimeline(), refreshStats()]);
  for (const r of results) if (r.status === "rejected") showError(r.reason);
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

async function checkToken() {
  const box = $("#who");
  const tok = token.get();
  if (!tok) {
    box.textContent = "";
    $("#token-form").hidden = false;
    $("#signout").hidden = true;
    return;
  }
  try {
    const me = await get("api/me");
    if (me.user) {
      box.textContent = `${t("signed_in_as")} ${me.user}`;
      $("#token-form").hidden = true;
      $("#signout").hidden = false;
    } else {
      token.set("");
      box.textContent = t("bad_token");
      $("#token-form").hidden = false;
      $("#signout").hidden = true;
    }
  } catch (err) {
    showError(err);
  }
}

function exportCurrent(format) {
  const path = `api/export${qs({ ...apiFilters(), format, sort: state.sort })}`;
  const name = `marsad-events.${format}`;
  // A plain link streams big exports straight to disk; with a token (private reads) go via fetch.
  if (meta.public_read) {
    const a = h("a", { href: path, download: name });
    document.body.append(a);
    a.click();
    a.remove();
  } else {
    download(path, name).catch(showError);
  }
}

function bind() {
  $("#filter-form").addEventListener("submit", (e) => {
    e.preventDefault();
    setFilters(readFilterForm());
  });
  $("#reset").addEventListener("click", () => {
    state.filters = {};
    setFilters({});
  });
  $("#clear-dates").addEventListener("click", () => setFilters({ date_from: "", date_to: "" }));
  $("#lang").addEventListener("click", () => {
    setLang(getLang() === "ar" ? "en" : "ar");
    localStorage.setItem("marsad.lang", getLang());
    fillEventTypes();
    fillLegend();
    refreshAll();
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
  for (const btn of document.querySelectorAll("[data-export]")) {
    btn.addEventListener("click", () => exportCurrent(btn.dataset.export));
  }
  $("#f-bbox-toggle").addEventListener("change", () => setFilters({ bbox: readFilterForm().bbox }));
  $("#f-origin").addEventListener("change", () => setFilters({ origin: $("#f-origin").value }));
  const seconds = initAutoRefresh($("#auto-refresh"), refreshData);
  $("#auto-refresh").parentElement.title = t("auto_refresh_title", { s: seconds });
  onChange(() => refreshAll());
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
  fillEventTypes();
  initMap($("#map"), { open });
  initTimeline($("#timeline"));
  initTable($("#table"), { open });
  initPanel($("#panel"), {
    meta,
    close,
    changed: () => {
      refreshTable();
      refreshMap();
    },
  });
  bind();
  await checkToken();
  await refreshAll();
  document.body.dataset.ready = "1";
  if (state.event) open(state.event);
}

start();
