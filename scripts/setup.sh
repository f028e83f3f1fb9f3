#!/usr/bin/env bash
# Installs everything mamori needs to build, run and test on a fresh Debian 12 machine. Idempotent: it only
# installs what is missing, and reinstalls npm packages only when web/package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libboost1.81-dev libsoci-dev libsqlite3-dev sqlite3 libpq-dev postgresql
  nlohmann-json3-dev libfmt-dev libspdlog-dev libcli11-dev libexpected-dev
  libsodium-dev libssl-dev libqrencode-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk
  zlib1g-dev libxml2-dev libicu-dev libreoffice-calc-nogui libreoffice-writer-nogui
  chromium poppler-utils wrk jq nginx libbenchmark-dev libgtest-dev libgmock-dev linux-perf
  clang libclang-rt-14-dev nmap fusioninventory-agent
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Node comes with the machine (Debian's nodejs 18 is too old for Vite 8; never install it from apt).
if ! command -v node >/dev/null || ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "setup: node >= 20.19 is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

stamp=web/node_modules/.mamori-lock-hash
want=$(sha256sum web/package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: npm ci in web/"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
fi
