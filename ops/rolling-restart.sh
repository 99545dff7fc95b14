#!/usr/bin/env bash
# Rolling restart under load: the topology of ops/cluster.sh (2 nodes, HAProxy on 8080);
# 4 clients read pages through HAProxy without pause while node 1, then node 2, is stopped
# (SIGTERM: graceful, in-flight requests finish) and started again. Prints how many requests
# were made and how many did not answer 200, and writes it to ops/run/rolling-restart.txt.
# Bounded: each restart waits at most 4 minutes for the node to come up.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=ops/run
mkdir -p "$RUN"
rm -f "$RUN"/load-*.codes
ops/cluster.sh start 2
trap 'rm -f "$RUN/load.on"; ops/cluster.sh stop' EXIT

client() {
  local paths=("/" "/articles/1" "/login" "/articles/2" "/search?q=sepsis")
  local n=0
  while [ -f "$RUN/load.on" ]; do
    curl -s -o /dev/null -m 10 -w '%{http_code}\n' "http://127.0.0.1:8080${paths[$((n % 5))]}" >> "$RUN/load-$1.codes" || echo 000 >> "$RUN/load-$1.codes"
    n=$((n + 1))
  done
}

touch "$RUN/load.on"
for c in 1 2 3 4; do client "$c" & done
sleep 5
started=$(date +%s)
ops/cluster.sh restart-node 1
sleep 5
ops/cluster.sh restart-node 2
sleep 5
rm -f "$RUN/load.on"
wait $(jobs -p | grep -v "^$$") 2>/dev/null || true
total=$(cat "$RUN"/load-*.codes | wc -l)
failed=$(grep -vc '^200$' <(cat "$RUN"/load-*.codes) || true)
result="rolling restart of 2 nodes under 4 clients ($(( $(date +%s) - started )) s): $total requests, $failed not 200"
echo "$result" | tee "$RUN/rolling-restart.txt"
[ "$failed" = 0 ]
