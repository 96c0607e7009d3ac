// The watched sources page: /api/sources as a table, refreshed every 30 s. No dependencies, so it is
// served as written (copied by scripts/build.mjs). Every value is set as text, never as HTML.
"use strict";

const TOKEN_KEY = "marsad.token"; // the map page's sign-in, same tab

function when(iso) {
  if (!iso) return "–";
  const d = new Date(iso);
  const mins = Math.round((Date.now() - d.getTime()) / 60000);
  const ago = mins < 1 ? "just now" : mins < 120 ? `${mins} min ago` : `${Math.round(mins / 60)} h ago`;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC (${ago})`;
}

function cell(tr, text, cls) {
  const td = document.createElement("td");
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

async function load() {
  const headers = { Accept: "application/json" };
  const tok = sessionStorage.getItem(TOKEN_KEY);
  if (tok) headers.Authorization = `Bearer ${tok}`;
  const msg = document.getElementById("msg");
  try {
    const resp = await fetch("../api/sources", { headers });
    const body = await resp.json();
    if (!resp.ok) throw new Error(body.message || body.detail || `HTTP ${resp.status}`);
    msg.hidden = true;
    const tbody = document.querySelector("#sources tbody");
    tbody.replaceChildren();
    for (const s of body.items) {
      const tr = document.createElement("tr");
      if (s.consecutive_errors > 0) tr.className = "failing";
      const name = cell(tr, s.name);
      name.title = s.url;
      name.dir = "auto";
      cell(tr, when(s.last_poll_at));
      cell(tr, when(s.last_new_at));
      cell(tr, s.error_count ? `${s.error_count} (${s.consecutive_errors} in a row)` : "0", "num");
      cell(tr, s.last_error || "", "err");
      cell(tr, String(s.items_total), "num");
      cell(tr, String(s.events_total), "num");
      cell(tr, s.days.map((d) => `${d.day.slice(5)}: ${d.items}/${d.events}`).join(" · "), "days");
      tbody.appendChild(tr);
    }
    document.getElementById("note").textContent =
      `${body.items.length} sources · updated ${new Date().toLocaleTimeString()}`;
  } catch (e) {
    msg.textContent = `Cannot load the sources: ${e.message}`;
    msg.hidden = false;
  }
}

load();
setInterval(load, 30000);
