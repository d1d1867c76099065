#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Maven runs this at generate-resources with the output folder (target/classes/web) as $1.
#
# With node and npm installed it type-checks and bundles the TypeScript (npm ci, tsc, esbuild) and then checks
# that the bundle committed in src/main/bundled is the one just built, so the copy can never go stale. Without
# node it uses that committed bundle, so a machine with only a JDK still builds and serves the web page (the
# foundation promises a build with a JDK and Maven Central alone). After changing the TypeScript, run
# `npm run build` once and copy target/classes/web/assets/{admin,storefront}.js to src/main/bundled/.
set -eu
out="$1"
mkdir -p "$out/assets"
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  npm ci --prefer-offline --no-audit --no-fund
  TAILOR_WEB_OUT="$out" npm run build
  for f in admin.js storefront.js; do
    if ! cmp -s "$out/assets/$f" "src/main/bundled/$f"; then
      echo "tailor-web: src/main/bundled/$f differs from the bundle just built from src/main/ts;" >&2
      echo "  copy $out/assets/$f to src/main/bundled/ and commit it" >&2
      exit 1
    fi
  done
else
  echo "tailor-web: node/npm not found; using the committed bundle in src/main/bundled (TypeScript not rebuilt)" >&2
  cp src/main/bundled/admin.js src/main/bundled/storefront.js "$out/assets/"
fi
