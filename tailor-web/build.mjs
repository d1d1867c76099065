// SPDX-License-Identifier: Apache-2.0
// Bundles the two pages' scripts into self-contained ES modules (no run-time CDN, no code splitting: each page
// loads exactly one script). Maven passes the output folder (target/classes/web) in TAILOR_WEB_OUT.
import { build } from "esbuild";

const out = process.env.TAILOR_WEB_OUT ?? "target/classes/web";
await build({
  entryPoints: { storefront: "src/main/ts/storefront.ts", admin: "src/main/ts/admin.ts" },
  outdir: `${out}/assets`,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
});
