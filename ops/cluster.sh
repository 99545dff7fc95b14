#!/usr/bin/env bash
# The same topology as docker-compose.cluster.yml without Docker, on this machine: the local
# PostgreSQL, N HCP Gate nodes (java -jar, ports 8081..), Debian's HAProxy on 8080.
#   ops/cluster.sh start [N]   build nothing; start N nodes (default 2) and HAProxy
#   ops/cluster.sh restart-node I   stop node I (SIGTERM: it finishes what it serves) and start it again
#   ops/cluster.sh stop        stop what start started
# Needs: target/hcp-gate-*.jar (./mvnw -B -DskipTests package), haproxy (apt-get install
# haproxy), PostgreSQL on 127.0.0.1:5432 with a database hcpgate_cluster (created if
# missing, as role postgres), and the keys every node shares in HCP_GATE_CRYPTO_KEYSET /
# HCP_GATE_CRYPTO_HASH_KEYSET (or demo keys in ops/run/demo-keysets.json, shared by all).
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=ops/run
mkdir -p "$RUN"
JAR=$(ls target/hcp-gate-*.jar | grep -v original | head -1)
DB=${HCP_GATE_CLUSTER_DB:-hcpgate_cluster}

start_node() {
  local i=$1 port=$((8080 + $1))
  HCP_GATE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" HCP_GATE_DB_USER=postgres HCP_GATE_DB_PASSWORD="" \
    nohup java -Xmx512m -jar "$JAR" --server.port="$port" --spring.profiles.active=postgres,demo \
      --hcp-gate.node-id="node-$i" --hcp-gate.crypto.demo-keyset-file="$RUN/demo-keysets.json" \
      --server.forward-headers-strategy=native >> "$RUN/node-$i.log" 2>&1 &
  echo $! > "$RUN/node-$i.pid"
}

await_node() {
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$((8080 + $1))/actuator/health" >/dev/null && return 0
    sleep 1
  done
  echo "node-$1 did not come up" >&2
  return 1
}

restart_node() {
  local pid
  pid=$(cat "$RUN/node-$1.pid")
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  start_node "$1"
  await_node "$1"
}

start() {
  local n=${1:-2}
  psql -h 127.0.0.1 -U postgres -d test -tc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d test -c "create database $DB" >/dev/null
  local servers=""
  for i in $(seq 1 "$n"); do
    start_node "$i"
    servers="$servers    server node-$i 127.0.0.1:$((8080 + i)) check\n"
    # the first node writes the demo keys that the others read: let it start first
    if [ "$i" = 1 ] && [ -z "${HCP_GATE_CRYPTO_KEYSET:-}" ]; then
      for _ in $(seq 1 180); do [ -f "$RUN/demo-keysets.json" ] && break; sleep 1; done
    fi
  done
  sed -e '/^    server /d' ops/haproxy.cfg > "$RUN/haproxy.cfg"
  printf "%b" "$servers" >> "$RUN/haproxy.cfg"
  nohup haproxy -f "$RUN/haproxy.cfg" > "$RUN/haproxy.log" 2>&1 &
  echo $! > "$RUN/haproxy.pid"
  for i in $(seq 1 "$n"); do
    await_node "$i"
    echo "node-$i: $(curl -s "http://127.0.0.1:$((8080 + i))/actuator/health")"
  done
  # HAProxy marks the nodes up after two passed checks: ready when it serves
  for _ in $(seq 1 60); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/actuator/health/readiness)" = 200 ] && break
    sleep 1
  done
  echo "HCP Gate behind HAProxy: http://127.0.0.1:8080/ (its log: $RUN/haproxy.log)"
}

stop() {
  for pid in "$RUN"/*.pid; do
    [ -f "$pid" ] || continue
    kill "$(cat "$pid")" 2>/dev/null || true
    rm -f "$pid"
  done
}

case "${1:-}" in
  start) start "${2:-2}" ;;
  restart-node) restart_node "$2" ;;
  stop) stop ;;
  *) echo "usage: $0 start [N] | restart-node I | stop" >&2; exit 2 ;;
esac
