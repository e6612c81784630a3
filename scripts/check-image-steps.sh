#!/usr/bin/env bash
# The Dockerfile's production steps outside a container, for machines without a container runtime:
# pack the package as npm would publish it, install only its production dependencies into a fresh
# directory (the Dockerfile's production-dependencies stage), start it on a fresh data directory and
# wait for /readyz (the image's HEALTHCHECK). Needs a build first (npm run build) and the npm registry
# or a warm npm cache.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f dist/cli.js ] || { echo "FAIL: dist/ is not built: run npm run build first"; exit 1; }
[ -f web/dist/index.html ] || echo "note: web/dist is not built (npm run build:web): the server starts without the web app"

work=$(mktemp -d)
chmod 0711 "$work" # run as root, the embedded server's account must pass through it
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

began=$(date +%s)
tarball=$(npm pack --ignore-scripts --silent --pack-destination "$work" | tail -n 1)
mkdir "$work/app"
tar -xzf "$work/$tarball" -C "$work/app" --strip-components=1
cp package-lock.json "$work/app/"
(
  cd "$work/app"
  npm pkg delete scripts.prepare
  npm ci --omit=dev --no-audit --no-fund --prefer-offline --loglevel=error
)
# Only packages that are dev dependencies alone: vitest, vite, tsx and drizzle-kit come in as
# (optional) peers of production packages (better-auth names vitest), so npm installs them.
for dev in typescript eslint prettier; do
  if [ -d "$work/app/node_modules/$dev" ]; then echo "FAIL: dev dependency $dev was installed"; exit 1; fi
done
echo "installed production dependencies in $(( $(date +%s) - began )) s ($(du -sh "$work/app/node_modules" | cut -f1))"

mkdir "$work/data"
port=$((20000 + RANDOM % 20000))
NODE_ENV=production DATA_DIR="$work/data" HOST=127.0.0.1 PORT="$port" LOG_LEVEL=warn \
  node "$work/app/bin/switchboard.js" serve &
server=$!
for _ in $(seq 1 360); do
  if curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then echo "FAIL: the server exited"; exit 1; fi
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/readyz"
echo
kill -TERM "$server"
wait "$server"
server=""
echo "The packed app with production dependencies alone started on a fresh data directory, answered /readyz and stopped ($(( $(date +%s) - began )) s in all)."
