# Sourced by the load scripts: a private PostgreSQL cluster in $work/pg on a free loopback port, for one run.
# Needs $work (a directory the postgres user can enter). start_postgres sets $url to its `bench` database;
# stop_postgres (call it from the EXIT trap) stops it.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_data=""
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_postgres() {
  pg_data="$work/pg"
  mkdir -m 700 "$pg_data"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg_data"
  local pg_port
  pg_port=$(free_port)
  as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/log" -w -o "-c listen_addresses=127.0.0.1 \
    -p $pg_port -c unix_socket_directories='$pg_data' -c shared_buffers=256MB -c max_connections=100" start >/dev/null
  psql -Xq "postgresql://postgres@127.0.0.1:$pg_port/postgres" -c 'CREATE DATABASE bench'
  url="postgresql://postgres@127.0.0.1:$pg_port/bench"
}

stop_postgres() {
  [ -n "$pg_data" ] && as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1
  return 0
}
