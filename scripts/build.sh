#!/usr/bin/env bash
# Builds the web shell, then the C++ binary that embeds it. Usage: scripts/build.sh [release|debug]
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
. scripts/compiler-cache.sh

(cd web && npm run --silent build >/dev/null)
if [ ! -f "build/$preset/build.ninja" ]; then
  cmake --preset "$preset" >/dev/null
fi
cmake --build --preset "$preset"
