// The event map: an offline basemap (country and admin1 boundaries shipped as TopoJSON) with place
// labels, and one circle per event, coloured by event type and sized by fatalities. Zoomed out,
// nearby events gather into clusters (leaflet.markercluster); from CLUSTER_UNTIL_ZOOM on, every
// event is its own circle. No tile server.

import L from "leaflet";
import "leaflet.markercluster";
import "leaflet.markercluster/dist/MarkerCluster.css";
import { feature } from "topojson-client";
import { get, qs } from "./api.js";
import { OTHER_COLOR, TYPE_COLORS, radiusFor, typeColor } from "./colors.js";
import { clear, h } from "./dom.js";
import { arabicNames, getLang, listSep, t, typeLabel, valueLabel } from "./i18n.js";
import { apiFilters } from "./state.js";
import VALUES from "./values.json";

const INITIAL = { center: [29, 36], zoom: 4 };
const CLUSTER_UNTIL_ZOOM = 8; // clusters at this zoom and below... individual circles above
const COUNTRY_LABELS_UNTIL = 6; // country names up to this zoom
const ADMIN1_LABELS_FROM = 6; // admin1 names from this zoom on
const FIT_MAX_ZOOM = 9;

let map;
let renderer;
let cluster;
let labels;
let places = []; // {latlng, kind, en, ar}
let points = []; // the current filter's located events
let onOpen = () => {};
let request = 0;

export function initMap(el, { open, bbox }) {
  onOpen = open;
  renderer = L.canvas({ padding: 0.3 });
  map = L.map(el, {
    ...INITIAL,
    minZoom: 3,
    maxZoom: 12,
    preferCanvas: true,
    attributionControl: true,
    worldCopyJump: false,
    zoomControl: false,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth");
  addZoomControl();
  map.createPane("basemap").style.zIndex = 200;
  map.createPane("labels").style.zIndex = 390; // under the events' canvas, above the boundaries
  map.getPane("labels").style.pointerEvents = "none";
  labels = L.layerGroup().addTo(map);
  loadBasemap();
  cluster = L.markerClusterGroup({
    disableClusteringAtZoom: CLUSTER_UNTIL_ZOOM + 1,
    maxClusterRadius: 45,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: false,
    chunkedLoading: true,
    iconCreateFunction: clusterIcon,
  }).addTo(map);
  addLegend();
  map.on("zoomend moveend", drawLabels);
  // What the view holds, on the map element: read by the browser tests and handy when debugging.
  map.on("moveend", describeView);
  if (bbox) {
    const [w, s, e, n] = bbox.split(",").map(Number);
    if ([w, s, e, n].every(Number.isFinite)) map.fitBounds([[s, w], [n, e]]);
  }
  return map;
}

/** A cluster: its size in the middle, ringed in the colour of its most frequent event type. */
function clusterIcon(c) {
  const counts = new Map();
  for (const m of c.getAllChildMarkers()) counts.set(m.options.eventType, (counts.get(m.options.eventType) || 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const n = c.getChildCount();
  const size = n < 10 ? 28 : n < 100 ? 36 : 44;
  const inner = h("div", { class: "cluster-inner" }, h("span", {}, String(n)));
  inner.style.borderColor = typeColor(top);
  return L.divIcon({ html: inner, className: "cluster", iconSize: [size, size] });
}

/** + and − that never land in empty space: when no event would be in view at the next zoom
 * around the centre, + zooms towards the nearest event in view instead. */
function addZoomControl() {
  const control = L.control({ position: "topleft" });
  control.onAdd = () => {
    const bar = h("div", { class: "leaflet-bar leaflet-control zoom" });
    const btn = (id, text, label, fn) => {
      const a = h("a", { href: "#", id, class: `leaflet-control-${id}`, role: "button", title: label, "aria-label": label }, text);
      L.DomEvent.on(a, "click", (e) => {
        L.DomEvent.stop(e);
        fn();
      });
      L.DomEvent.disableClickPropagation(a);
      return a;
    };
    bar.append(btn("zoom-in", "+", "Zoom in", zoomIn), btn("zoom-out", "−", "Zoom out", () => map.zoomOut()));
    return bar;
  };
  control.addTo(map);
}

export function zoomTarget(zoom = map.getZoom() + 1) {
  const center = map.getCenter();
  const size = map.getSize();
  const half = size.divideBy(2);
  const c = map.project(center, zoom);
  const next = L.latLngBounds(map.unproject(c.subtract(half), zoom), map.unproject(c.add(half), zoom));
  if (!points.length || points.some((p) => next.contains([p.lat, p.lon]))) return center;
  const view = map.getBounds();
  const inView = points.filter((p) => view.contains([p.lat, p.lon]));
  const pool = inView.length ? inView : points;
  let best = pool[0];
  let bestD = Infinity;
  for (const p of pool) {
    const d = center.distanceTo([p.lat, p.lon]);
    if (d < bestD) [best, bestD] = [p, d];
  }
  return L.latLng(best.lat, best.lon);
}

function zoomIn() {
  const zoom = Math.min(map.getMaxZoom(), map.getZoom() + 1);
  map.setView(zoomTarget(zoom), zoom);
}

async function loadBasemap() {
  const res = await fetch("static/basemap.topo.json");
  if (!res.ok) return;
  const topo = await res.json();
  const countries = feature(topo, topo.objects.countries);
  const admin1 = feature(topo, topo.objects.admin1);
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
  const isoAr = arabicNames("country_iso");
  const admin1Ar = arabicNames("basemap_admin1");
  const place = (kind, f, ar) => ({ kind, ...labelPoint(f.geometry), en: f.properties.name, ar: ar || f.properties.name });
  places = [
    ...countries.features.map((f) =>
      place("country", f, isoAr[String(Number(f.properties.id ?? f.id))] || VALUES.map_countries[f.properties.name]),
    ),
    ...admin1.features.map((f) => place("admin1", f, admin1Ar[f.properties.name])),
  ]
    .filter((p) => p.latlng && p.en)
    .sort((a, b) => b.area - a.area); // big areas claim their label space first
  drawLabels();
}

/** Where a place's name goes: the area-weighted centre of its largest ring (a polygon's
 * centroid, which for the shapes of this region falls inside it or close to it). */
function labelPoint(geometry) {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  let best = null;
  let bestArea = 0;
  for (const poly of polys) {
    const ring = poly[0];
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += cross;
      cx += (ring[j][0] + ring[i][0]) * cross;
      cy += (ring[j][1] + ring[i][1]) * cross;
    }
    if (Math.abs(a) > bestArea) {
      bestArea = Math.abs(a);
      best = [cy / (3 * a), cx / (3 * a)];
    }
  }
  return best ? { latlng: best, area: bestArea } : null;
}

function drawLabels() {
  if (!labels) return;
  labels.clearLayers();
  const zoom = map.getZoom();
  const view = map.getBounds().pad(0.1);
  const ar = getLang() === "ar";
  const taken = []; // screen boxes of the labels placed: a label that would overlap one is left out
  for (const p of places) {
    const show = p.kind === "country" ? zoom <= COUNTRY_LABELS_UNTIL : zoom >= ADMIN1_LABELS_FROM;
    if (!show || !view.contains(p.latlng)) continue;
    const text = ar ? p.ar : p.en;
    const at = map.latLngToContainerPoint(p.latlng);
    const half = { x: (text.length * (p.kind === "country" ? 8.5 : 6.5)) / 2 + 4, y: 9 };
    const box = [at.x - half.x, at.y - half.y, at.x + half.x, at.y + half.y];
    if (taken.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    taken.push(box);
    const el = h("span", { dir: "auto", "data-place": p.en }, text);
    L.marker(p.latlng, {
      pane: "labels",
      interactive: false,
      keyboard: false,
      icon: L.divIcon({ html: el, className: `place-label place-${p.kind}`, iconSize: null }),
    }).addTo(labels);
  }
}

export function relabelMap() {
  drawLabels();
  if (cluster) cluster.refreshClusters();
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
  const place = valueLabel("admin1", p.admin1);
  return h(
    "div",
    { class: "tip", dir: "auto" },
    h("strong", {}, typeLabel(p.event_type)),
    h("div", {}, `${p.event_date || "—"} · ${[p.location, place].filter(Boolean).join(listSep())}`),
    h("div", {}, valueLabel("sub_event_type", p.sub_event_type)),
    h("div", {}, `${t("fatalities")}: ${p.fatalities}`),
  );
}

/** Redraw the filtered events; with `fit`, frame them (the view an analyst expects after
 * choosing a country or a type). */
export async function refreshMap({ fit = false } = {}) {
  const mine = ++request;
  const params = apiFilters({ bbox: undefined });
  const data = await get(`api/events/points${qs({ ...params, limit: 5000 })}`);
  if (mine !== request) return; // a newer filter has been applied meanwhile
  points = data.points;
  cluster.clearLayers();
  // Small circles on top of big ones, so every event stays clickable.
  const markers = [...points]
    .sort((a, b) => b.fatalities - a.fatalities)
    .map((p) => {
      const color = typeColor(p.event_type);
      const marker = L.circleMarker([p.lat, p.lon], {
        renderer,
        radius: radiusFor(p.fatalities),
        color: p.status === "rejected" ? "#555" : color,
        weight: 1,
        fillColor: color,
        fillOpacity: 0.55,
        eventType: p.event_type,
        eventId: p.id,
      });
      marker.bindTooltip(() => tooltipFor(p), { direction: "top" });
      marker.on("click", () => onOpen(p.id));
      return marker;
    });
  cluster.addLayers(markers);
  if (fit && points.length) fitTo(points);
  const note = document.getElementById("map-note");
  if (note) {
    note.textContent = data.truncated ? t("map_truncated", { n: data.points.length, total: data.total }) : "";
  }
  describeView();
}

function fitTo(pts) {
  const bounds = L.latLngBounds(pts.map((p) => [p.lat, p.lon]));
  // A single place: a sensible zoom around it rather than the maximum.
  map.fitBounds(bounds.pad(0.15), { maxZoom: FIT_MAX_ZOOM, animate: false });
}

/** Back to the first view (Reset). */
export function resetView() {
  map.setView(INITIAL.center, INITIAL.zoom, { animate: false });
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

/** Call `fn` after the analyst pans or zooms (debounced: one call per settled view). */
export function onViewChange(fn) {
  let timer = null;
  map.on("moveend", () => {
    clearTimeout(timer);
    timer = setTimeout(fn, 250);
  });
}

function describeView() {
  const b = map.getBounds();
  const el = map.getContainer();
  el.dataset.zoom = String(map.getZoom());
  el.dataset.inView = String(points.filter((p) => b.contains([p.lat, p.lon])).length);
  el.dataset.points = String(points.length);
}

export function invalidate() {
  if (map) map.invalidateSize();
}
