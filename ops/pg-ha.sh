#!/usr/bin/env bash
# A highly available PostgreSQL on loopback, from Debian's packages (postgresql-15-auto-failover):
# a pg_auto_failover monitor and two data nodes, the primary with a synchronous standby
# (a commit is acknowledged once the standby has it), and automatic failover when the
# primary dies. HCP Gate's nodes reach whichever is primary with a multi-host JDBC URL.
#   ops/pg-ha.sh start          create and start monitor and nodes; prints the JDBC URL
#   ops/pg-ha.sh url            the JDBC URL for HCP_GATE_DB_URL
#   ops/pg-ha.sh state          the monitor's view of the nodes
#   ops/pg-ha.sh primary        the port of the node that is primary now
#   ops/pg-ha.sh kill-primary   kill -9 the primary's keeper and PostgreSQL (a crash)
#   ops/pg-ha.sh stop           stop everything and delete its data
# Ports: HCP_GATE_HA_PORT (monitor, default 6200), +1 and +2 for the nodes. Data and logs:
# HCP_GATE_HA_DIR (default ops/run/pg-ha). Run as root, the servers run as role postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${HCP_GATE_HA_PORT:-6200}
DIR=$(realpath -m "${HCP_GATE_HA_DIR:-ops/run/pg-ha}")
DB=${HCP_GATE_HA_DB:-hcpgate}
export PATH="$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | tail -1):$PATH"
# pg_autoctl keeps its state and pid files under the XDG directories: all of it in $DIR
XDG=("XDG_CONFIG_HOME=$DIR/config" "XDG_DATA_HOME=$DIR/share" "XDG_RUNTIME_DIR=$DIR/runtime")
if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres -- env "PATH=$PATH" "${XDG[@]}"); else AS=(env "${XDG[@]}"); fi
MONITOR="postgres://autoctl_node@127.0.0.1:$BASE/pg_auto_failover?sslmode=disable"

keeper() {
  # each keeper in a session of its own: kill-primary kills its whole tree at once
  setsid "${AS[@]}" pg_autoctl run --pgdata "$DIR/$1" >> "$DIR/$1.log" 2>&1 < /dev/null &
  echo $! > "$DIR/$1.sid"
}

state() { "${AS[@]}" pg_autoctl show state --pgdata "$DIR/monitor"; }

await_state() {
  # until the monitor reports one primary and one secondary (or $1 seconds passed)
  for _ in $(seq 1 "$1"); do
    if state 2>/dev/null | grep -q "| *primary *| *primary" && state | grep -q "| *secondary *| *secondary"; then
      return 0
    fi
    sleep 1
  done
  state >&2 || true
  return 1
}

url() { echo "jdbc:postgresql://127.0.0.1:$((BASE + 1)),127.0.0.1:$((BASE + 2))/$DB?targetServerType=primary"; }

start() {
  # a start that fails half-way leaves nothing running
  trap stop ERR
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  "${AS[@]}" pg_autoctl create monitor --pgdata "$DIR/monitor" --pgport "$BASE" --hostname 127.0.0.1 \
    --auth trust --no-ssl >> "$DIR/monitor.log" 2>&1
  keeper monitor
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$BASE" && break; sleep 1; done
  # Detect a dead primary in about 3 s instead of pg_auto_failover's 20 s: on loopback a
  # health check that fails twice, half a second apart, is a dead server, not a slow network.
  # On a real network keep the defaults (or a few seconds more than your worst hiccup).
  # A primary that nobody can reach demotes itself after the keepers' network-partition
  # timeout (5 s below); the monitor promotes the standby once the old primary has
  # acknowledged or primary_demote_timeout passed, so that timeout must stay above the
  # other (8 s here, 30 s and 20 s by default): never two primaries taking writes.
  psql -q -h 127.0.0.1 -p "$BASE" -U postgres -d pg_auto_failover \
    -c "alter system set pgautofailover.health_check_period = 1000" \
    -c "alter system set pgautofailover.health_check_timeout = 1000" \
    -c "alter system set pgautofailover.health_check_retry_delay = 500" \
    -c "alter system set pgautofailover.node_considered_unhealthy_timeout = 3000" \
    -c "alter system set pgautofailover.primary_demote_timeout = 8000" \
    -c "select pg_reload_conf()" > /dev/null
  for i in 1 2; do
    "${AS[@]}" pg_autoctl create postgres --pgdata "$DIR/node$i" --pgport "$((BASE + i))" --hostname 127.0.0.1 \
      --auth trust --no-ssl --monitor "$MONITOR" --dbname "$DB" --name "node$i" >> "$DIR/node$i.log" 2>&1
    "${AS[@]}" pg_autoctl config set --pgdata "$DIR/node$i" timeout.network_partition_timeout 5 > /dev/null
    keeper "node$i"
    # the first node must run before the second joins as its standby: alone it is "single"
    # (it becomes "primary" once a standby joins), so waiting for "primary" here waited the
    # whole minute on every start
    if [ "$i" = 1 ]; then
      for _ in $(seq 1 60); do state 2>/dev/null | grep -Eq "\| *(single|primary) *\| *(single|primary)" && break; sleep 1; done
    fi
  done
  await_state 120
  state
  echo "HCP_GATE_DB_URL=$(url)"
}

primary() {
  state | awk -F'|' '$6 ~ /primary/ && $7 ~ /primary/ { split($3, hp, ":"); gsub(/ /, "", hp[2]); print hp[2] }' | head -1
}

kill_primary() {
  local port i
  port=$(primary)
  [ -n "$port" ] || { echo "no primary" >&2; return 1; }
  i=$((port - BASE))
  pkill -9 -s "$(cat "$DIR/node$i.sid")"
  echo "killed node$i (port $port)"
}

# the session ids of keepers this script started and that still run (a stale .sid file, after a
# reboot, may name another session: it is skipped)
ours() {
  for file in "$DIR"/*.sid; do
    [ -f "$file" ] || continue
    local sid
    sid=$(cat "$file")
    if ps -o args= -s "$sid" 2>/dev/null | grep -q "pg_autoctl run --pgdata $DIR/"; then echo "$sid"; fi
  done
}

stop() {
  local sid
  for sid in $(ours); do pkill -TERM -s "$sid" 2>/dev/null || true; done
  sleep 2
  for sid in $(ours); do pkill -9 -s "$sid" 2>/dev/null || true; done
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  url) url ;;
  state) state ;;
  primary) primary ;;
  kill-primary) kill_primary ;;
  stop) stop ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
