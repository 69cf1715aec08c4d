#!/usr/bin/env bash
# Batch benchmark: a generated mixed log through the CLI and through the HTTP endpoint, each JVM capped at
# -Xmx256m, with a GC log to show the heap stays flat. Figures are printed, never asserted.
#
#   ./mvnw -q package -DskipTests
#   python3 bench/generate_mixed_log.py /tmp/mixed.log 5000000
#   bench/run-batch-bench.sh /tmp/mixed.log
set -euo pipefail
LOG=${1:-/tmp/mixed.log}
JAR=target/quarkus-app/quarkus-run.jar
PORT=${PORT:-18482}
OUT=${OUT:-/tmp/opensoc-bench}
mkdir -p "$OUT"
echo "input: $(wc -l < "$LOG") lines, $(stat -c %s "$LOG") bytes"

heap_peak() { # largest heap in use after a GC, from a -Xlog:gc file
  grep -oE '[0-9]+M->[0-9]+M' "$1" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1
}

echo "== CLI: analyze --format csv"
start=$(date +%s.%N)
java -Xmx256m -Xlog:gc:file="$OUT/gc-cli.log" -Dquarkus.http.port=0 -jar "$JAR" analyze "$LOG" --format csv \
  > "$OUT/findings.csv" 2> "$OUT/cli.err" && rc=0 || rc=$?
end=$(date +%s.%N)
grep '^opensoc:' "$OUT/cli.err" || tail -5 "$OUT/cli.err"
echo "exit $rc; wall $(echo "$end - $start" | bc) s (JVM start included); heap after GC peaked at $(heap_peak "$OUT/gc-cli.log") MB"

echo "== HTTP: POST /api/v1/analyze/batch (NDJSON), chunked upload"
java -Xmx256m -Xlog:gc:file="$OUT/gc-http.log" -Dquarkus.http.port="$PORT" -jar "$JAR" > "$OUT/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "http://localhost:$PORT/q/health" > /dev/null && break; sleep 1; done
start=$(date +%s.%N)
curl -sS -X POST -H 'Content-Type: text/plain' -H 'Transfer-Encoding: chunked' -T "$LOG" \
  "http://localhost:$PORT/api/v1/analyze/batch" | tail -1 > "$OUT/http-summary.json"
end=$(date +%s.%N)
python3 - "$OUT/http-summary.json" "$(echo "$end - $start" | bc)" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); wall = float(sys.argv[2])
print(f"{s['lines']} lines, {s['entries']} entries, {s['bytes']} bytes in {wall:.1f} s: "
      f"{s['lines']/wall:,.0f} lines/s, {s['entries']/wall:,.0f} entries/s; cache hit rate {s['cacheHitRate']}")
PY
echo "server heap after GC peaked at $(heap_peak "$OUT/gc-http.log") MB; server errors: $(grep -c ERROR "$OUT/server.log" || true)"
