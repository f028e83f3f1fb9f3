#!/usr/bin/env bash
# Sets up, builds and runs mamori with the embedded SQLite database (data/mamori.db) and demo data.
# Extra arguments go to `mamori serve` (e.g. --listen 0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
exec build/release/mamori serve --data-dir data --demo "$@"
