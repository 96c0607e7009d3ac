// The timeline: a histogram of events per day (or week/month for long ranges) with a brush.
// It ignores the date filter itself so the whole period stays visible while brushing.

import { max } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { brushX } from "d3-brush";
import { scaleLinear, scaleUtc } from "d3-scale";
import { select } from "d3-selection";
import { utcDay, utcMonth, utcWeek } from "d3-time";
import { get, qs } from "./api.js";
import { t } from "./i18n.js";
import { apiFilters, setFilters, state } from "./state.js";

const HEIGHT = 130;
const M = { top: 8, right: 12, bottom: 22, left: 36 };
let svg;
let root;
let request = 0;
let lastBuckets = [];

const iso = (d) => d.toISOString().slice(0, 10);
const parse = (s) => new Date(`${s}T00:00:00Z`);

export function initTimeline(el) {
  root = el;
  svg = select(el).append("svg").attr("class", "timeline-svg").attr("height", HEIGHT);
  svg.on("dblclick", () => setFilters({ date_from: "", date_to: "" }));
  window.addEventListener("resize", () => draw(lastBuckets));
}

export async function refreshTimeline() {
  const mine = ++request;
  const params = apiFilters({ date_from: undefined, date_to: undefined });
  const stats = await get(`api/stats${qs(params)}`);
  if (mine !== request) return stats;
  lastBuckets = stats.by_day;
  draw(lastBuckets);
  return stats;
}

function binning(first, last) {
  const days = utcDay.count(first, last);
  if (days <= 240) return utcDay;
  if (days <= 3 * 366) return utcWeek;
  return utcMonth;
}

function draw(buckets) {
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
  for (const b of buckets) {
    const k = +interval.floor(parse(b.key));
    const cur = bins.get(k) || { start: new Date(k), events: 0, fatalities: 0 };
    cur.events += b.events;
    cur.fatalities += b.fatalities;
    bins.set(k, cur);
  }
  const data = [...bins.values()];
  const x = scaleUtc()
    .domain([interval.floor(first), interval.offset(interval.floor(last), 1)])
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0, max(data, (d) => d.events) || 1])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const from = state.filters.date_from ? parse(state.filters.date_from) : null;
  const to = state.filters.date_to ? parse(state.filters.date_to) : null;
  const selected = (d) => (!from || d.start >= interval.floor(from)) && (!to || d.start <= to);

  svg
    .append("g")
    .selectAll("rect")
    .data(data)
    .join("rect")
    .attr("class", (d) => (selected(d) ? "bar" : "bar dim"))
    .attr("x", (d) => x(d.start) + 0.5)
    .attr("width", (d) => Math.max(1, x(interval.offset(d.start, 1)) - x(d.start) - 1))
    .attr("y", (d) => y(d.events))
    .attr("height", (d) => y(0) - y(d.events))
    .append("title")
    .text((d) => `${iso(d.start)}: ${d.events} ${t("events")}, ${d.fatalities} ${t("fatalities_total")}`);
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
