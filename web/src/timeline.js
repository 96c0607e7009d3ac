// The timeline: a histogram of events (or fatalities) per day, or week/month for long ranges,
// stacked by event type, with a brush. It ignores the date filter itself so the whole period
// stays visible while brushing. The stack comes from one /api/stats call per event type present.

import { max } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { brushX } from "d3-brush";
import { scaleLinear, scaleUtc } from "d3-scale";
import { select } from "d3-selection";
import { utcDay, utcMonth, utcWeek } from "d3-time";
import { get, qs } from "./api.js";
import { typeColor } from "./colors.js";
import { $ } from "./dom.js";
import { t, typeLabel } from "./i18n.js";
import { apiFilters, setFilters, state } from "./state.js";

const HEIGHT = 130;
const M = { top: 8, right: 12, bottom: 22, left: 36 };
let svg;
let root;
let request = 0;
let lastSeries = { total: [], byType: [] };
let metric = "events"; // or "fatalities"

const iso = (d) => d.toISOString().slice(0, 10);
const parse = (s) => new Date(`${s}T00:00:00Z`);

export function initTimeline(el) {
  root = el;
  svg = select(el).append("svg").attr("class", "timeline-svg").attr("height", HEIGHT);
  svg.on("dblclick", () => setFilters({ date_from: "", date_to: "" }));
  window.addEventListener("resize", () => draw(lastSeries));
  for (const m of ["events", "fatalities"]) {
    $(`#tl-${m}`).addEventListener("click", () => {
      metric = m;
      $("#tl-events").classList.toggle("on", m === "events");
      $("#tl-fatalities").classList.toggle("on", m === "fatalities");
      root.dataset.metric = m;
      draw(lastSeries);
    });
  }
  root.dataset.metric = metric;
}

export async function refreshTimeline() {
  const mine = ++request;
  const params = apiFilters({ date_from: undefined, date_to: undefined });
  const stats = await get(`api/stats${qs(params)}`);
  if (mine !== request) return stats;
  const types = stats.by_type.filter((b) => b.key && b.events > 0).map((b) => b.key);
  const byType = await Promise.all(
    types.map((ty) => get(`api/stats${qs({ ...params, event_type: [ty] })}`).then((s) => ({ type: ty, days: s.by_day }))),
  );
  if (mine !== request) return stats;
  lastSeries = { total: stats.by_day, byType };
  draw(lastSeries);
  return stats;
}

function binning(first, last) {
  const days = utcDay.count(first, last);
  if (days <= 240) return utcDay;
  if (days <= 3 * 366) return utcWeek;
  return utcMonth;
}

function draw({ total: buckets, byType }) {
  const width = Math.max(300, root.clientWidth);
  svg.attr("width", width).selectAll("*").remove();
  if (!buckets.length) {
    svg.append("text").attr("x", width / 2).attr("y", HEIGHT / 2).attr("text-anchor", "middle").text(t("no_events"));
    return;
  }
  const first = parse(buckets[0].key);
  const last = parse(buckets[buckets.length - 1].key);
  const interval = binning(first, last);
  const bins = new Map();
  const bin = (key) => {
    const k = +interval.floor(parse(key));
    if (!bins.has(k)) bins.set(k, { start: new Date(k), events: 0, fatalities: 0, types: new Map() });
    return bins.get(k);
  };
  for (const b of buckets) {
    const cur = bin(b.key);
    cur.events += b.events;
    cur.fatalities += b.fatalities;
  }
  for (const { type, days } of byType) {
    for (const b of days) {
      const cur = bin(b.key).types;
      const v = cur.get(type) || { events: 0, fatalities: 0 };
      v.events += b.events;
      v.fatalities += b.fatalities;
      cur.set(type, v);
    }
  }
  const data = [...bins.values()];
  // One rectangle per bin and type, stacked in the legend's order of types.
  const segments = [];
  for (const d of data) {
    let y0 = 0;
    for (const { type } of byType) {
      const v = d.types.get(type);
      const n = v ? v[metric] : 0;
      if (!n) continue;
      segments.push({ d, type, y0, y1: y0 + n, n });
      y0 += n;
    }
  }
  const x = scaleUtc()
    .domain([interval.floor(first), interval.offset(interval.floor(last), 1)])
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0, max(data, (d) => d[metric]) || 1])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const from = state.filters.date_from ? parse(state.filters.date_from) : null;
  const to = state.filters.date_to ? parse(state.filters.date_to) : null;
  const selected = (d) => (!from || d.start >= interval.floor(from)) && (!to || d.start <= to);

  svg
    .append("g")
    .selectAll("rect")
    .data(segments)
    .join("rect")
    .attr("class", (s) => (selected(s.d) ? "bar" : "bar dim"))
    .attr("data-type", (s) => s.type)
    .attr("fill", (s) => typeColor(s.type))
    .attr("x", (s) => x(s.d.start) + 0.5)
    .attr("width", (s) => Math.max(1, x(interval.offset(s.d.start, 1)) - x(s.d.start) - 1))
    .attr("y", (s) => y(s.y1))
    .attr("height", (s) => y(s.y0) - y(s.y1))
    .append("title")
    .text(
      (s) =>
        `${iso(s.d.start)} · ${typeLabel(s.type)}: ${s.n} ${metric === "events" ? t("events") : t("fatalities_total")}` +
        ` (${s.d.events} ${t("events")}, ${s.d.fatalities} ${t("fatalities_total")})`,
    );
  svg.append("g").attr("transform", `translate(0,${HEIGHT - M.bottom})`).call(axisBottom(x).ticks(width / 90));
  svg.append("g").attr("transform", `translate(${M.left},0)`).call(
      axisLeft(y)
        .ticks(Math.min(4, y.domain()[1]))
        .tickFormat((d) => (Number.isInteger(d) ? String(d) : "")),
    );

  const brush = brushX()
    .extent([
      [M.left, M.top],
      [width - M.right, HEIGHT - M.bottom],
    ])
    .on("end", (event) => {
      if (!event.sourceEvent) return; // moved by code, not by the user
      if (!event.selection) {
        setFilters({ date_from: "", date_to: "" });
        return;
      }
      // Snap to whole bins: the filter is by day, the bars may be weeks or months.
      const [a, b] = event.selection.map(x.invert);
      const start = interval.floor(a);
      const end = utcDay.offset(interval.ceil(b), -1);
      setFilters({ date_from: iso(start), date_to: iso(end < start ? start : end) });
    });
  const g = svg.append("g").attr("class", "brush").call(brush);
  if (from || to) {
    const a = from ? Math.max(M.left, x(from)) : M.left;
    const b = to ? Math.min(width - M.right, x(utcDay.offset(to, 1))) : width - M.right;
    if (b > a) g.call(brush.move, [a, b]);
  }
}
