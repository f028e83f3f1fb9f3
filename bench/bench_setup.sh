# Sourced by the server benchmarks after they set `build`: checks the binary, makes a work directory,
# brings the private PostgreSQL helpers (bench/private_postgres.sh) and stops the server in `pid`, the
# cluster and the work directory on exit. Gives `bin`, `work` and `median`.
bin=${MAMORI_BIN:-$PWD/$build/mamori}
[ -x "$bin" ] || { echo "no $bin: run scripts/build.sh release first (or set MAMORI_BIN)" >&2; exit 1; }
work=$(mktemp -d)
chmod 755 "$work"
. bench/private_postgres.sh
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
