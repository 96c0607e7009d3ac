// The event map: an offline basemap (country and admin1 boundaries shipped as TopoJSON) and one
// circle per event, coloured by event type and sized by fatalities. No tile server.

import L from "leaflet";
import { feature } from "topojson-client";
import { get, qs } from "./api.js";
import { OTHER_COLOR, TYPE_COLORS, radiusFor, typeColor } from "./colors.js";
import { clear, h } from "./dom.js";
import { t, typeLabel } from "./i18n.js";
import { apiFilters } from "./state.js";

let map;
let renderer;
let pointsLayer;
let onOpen = () => {};
let request = 0;
let fitted = false;

export function initMap(el, { open }) {
  onOpen = open;
  renderer = L.canvas({ padding: 0.3 });
  map = L.map(el, {
    center: [29, 36],
    zoom: 4,
    minZoom: 3,
    maxZoom: 12,
    preferCanvas: true,
    attributionControl: true,
    worldCopyJump: false,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth");
  loadBasemap();
  pointsLayer = L.layerGroup().addTo(map);
  addLegend();
  return map;
}

async function loadBasemap() {
  const res = await fetch("static/basemap.topo.json");
  if (!res.ok) return;
  const topo = await res.json();
  const countries = feature(topo, topo.objects.countries);
  const admin1 = feature(topo, topo.objects.admin1);
  const pane = map.createPane("basemap");
  pane.style.zIndex = 200;
  L.geoJSON(countries, {
    pane: "basemap",
    interactive: false,
    style: { color: "#7b8a8b", weight: 1.1, fillColor: "#f4f1ea", fillOpacity: 1 },
  }).addTo(map);
  L.geoJSON(admin1, {
    pane: "basemap",
    interactive: false,
    style: { color: "#b3b6b7", weight: 0.5, dashArray: "2 2", fill: false },
  }).addTo(map);
}

function addLegend() {
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => {
    const box = h("div", { class: "legend", id: "map-legend" });
    fillLegend(box);
    return box;
  };
  legend.addTo(map);
}

export function fillLegend(box = document.getElementById("map-legend")) {
  if (!box) return;
  clear(box);
  for (const [ty, color] of [...Object.entries(TYPE_COLORS), ["Other", OTHER_COLOR]]) {
    box.append(h("div", { class: "legend-row" }, h("span", { class: "swatch", style: { background: color } }), typeLabel(ty)));
  }
  box.append(h("div", { class: "legend-size" }, t("legend_size")));
}

function tooltipFor(p) {
  // A DOM node, not an HTML string: Leaflet would parse a string as HTML.
  return h(
    "div",
    { class: "tip" },
    h("strong", {}, typeLabel(p.event_type)),
    h("div", {}, `${p.event_date || "—"} · ${p.location || p.admin1 || ""}`),
    h("div", {}, `${p.sub_event_type}`),
    h("div", {}, `${t("fatalities_total")}: ${p.fatalities}`),
  );
}

export async function refreshMap() {
  const mine = ++request;
  const params = apiFilters({ bbox: undefined });
  const data = await get(`api/events/points${qs({ ...params, limit: 5000 })}`);
  if (mine !== request) return; // a newer filter has been applied meanwhile
  pointsLayer.clearLayers();
  // Small circles on top of big ones, so every event stays clickable.
  const pts = [...data.points].sort((a, b) => b.fatalities - a.fatalities);
  for (const p of pts) {
    const color = typeColor(p.event_type);
    const marker = L.circleMarker([p.lat, p.lon], {
      renderer,
      radius: radiusFor(p.fatalities),
      color: p.status === "rejected" ? "#555" : color,
      weight: 1,
      fillColor: color,
      fillOpacity: 0.55,
    });
    marker.bindTooltip(tooltipFor(p), { direction: "top" });
    marker.on("click", () => onOpen(p.id));
    pointsLayer.addLayer(marker);
  }
  // The first time there are points, frame them; later refreshes keep the analyst's view.
  if (!fitted && pts.length) {
    fitted = true;
    const bounds = L.latLngBounds(pts.map((p) => [p.lat, p.lon]));
    map.fitBounds(bounds.pad(0.3), { maxZoom: 7 });
  }
  const note = document.getElementById("map-note");
  if (note) {
    note.textContent = data.truncated ? t("map_truncated", { n: data.points.length, total: data.total }) : "";
  }
}

/** The map's visible area as the API's bbox parameter. */
export function currentBbox() {
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  return [
    clamp(b.getWest(), -180, 180),
    clamp(b.getSouth(), -90, 90),
    clamp(b.getEast(), -180, 180),
    clamp(b.getNorth(), -90, 90),
  ]
    .map((v) => v.toFixed(3))
    .join(",");
}

export function onMoveEnd(fn) {
  map.on("moveend", fn);
}

export function invalidate() {
  if (map) map.invalidateSize();
}
