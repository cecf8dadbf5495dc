#!/usr/bin/env bash
# Search benchmark at 100k posts (issue 6): generates a corpus from the real texts in ../shared/data (seeded), imports
# it into an embedded data folder, starts Madang on it, waits until everything is indexed, then
#  1. sends the same queries at CLIENTS concurrent connections through the app (GET /api/v1/search) and straight to
#     Elasticsearch (the exact request the app sends), one after the other in the same run: requests/s, p50, p99;
#  2. measures write-to-searchable latency (question written through the API until search finds it): p50, p95.
# Needs wrk, python3, a built jar (./mvnw -B -q -DskipTests package). Reruns reuse the imported folder.
# Usage: bash bench/search-perf/run.sh    (COUNT=100000 SEED=42 CLIENTS=16 DURATION=30 DATA=bench-search-data)
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=$(cd "${SHARED_DATA:-../shared/data}" && pwd)
COUNT=${COUNT:-100000}
SEED=${SEED:-42}
CLIENTS=${CLIENTS:-16}
DURATION=${DURATION:-30}
DATA=${DATA:-bench-search-data}
PORT=${PORT:-8090}
ES_PORT=${ES_PORT:-9290}
JAR=${JAR:-api/target/madang.jar}
ADMIN_EMAIL=bench-admin@madang.test
ADMIN_PASSWORD='bench password 2026 madang'
OUT=$DATA/results
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
if [ ! -f search/target/relevance.classpath ] || [ ! -d search/target/test-classes ]; then
  ./mvnw -B -q -pl search -am install -DskipTests
  ./mvnw -B -q -pl search dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/relevance.classpath
fi

if [ ! -f "$DATA/.corpus-$COUNT-$SEED" ]; then
  rm -rf "$DATA" "$DATA-dump"
  echo "generating $COUNT posts (seed $SEED)"
  python3 bench/search-perf/generate.py "$DATA-dump" "$COUNT" "$SEED" "$SHARED"
  start=$(date +%s)
  MADANG_EMBEDDED_DATA_DIR=$DATA java -jar "$JAR" import stackexchange "$DATA-dump"
  echo "import: $(( $(date +%s) - start )) s"
  touch "$DATA/.corpus-$COUNT-$SEED"
fi
mkdir -p "$OUT"

echo "starting Madang on $DATA"
MADANG_EMBEDDED_DATA_DIR=$DATA MADANG_SEED_ENABLED=false MADANG_ADMIN_EMAIL=$ADMIN_EMAIL \
  MADANG_ADMIN_PASSWORD=$ADMIN_PASSWORD MADANG_EMBEDDED_ELASTICSEARCH_PORT=$ES_PORT \
  java -jar "$JAR" --server.port=$PORT --madang.rate-limits.searches-per-ip=1000000000 \
  --madang.rate-limits.writes-per-ip=1000000 --madang.rate-limits.writes-per-user=1000000 \
  --madang.rate-limits.tokens-per-user=1000 > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
BASE=http://127.0.0.1:$PORT
until curl -s -o /dev/null "$BASE/actuator/health"; do sleep 2; done
start=$(date +%s)
while true; do
  backlog=$(curl -s "$BASE/actuator/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["components"]["indexing"]["details"]["backlog"])' 2>/dev/null || echo "?")
  [ "$backlog" = "0" ] && break
  echo "  indexing backlog: $backlog"
  sleep 10
done
echo "indexed everything after $(( $(date +%s) - start )) s of waiting"
DOCS=$(curl -s "http://127.0.0.1:$ES_PORT/madang-posts/_count" | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')

python3 bench/search-perf/queries.py "$SHARED" 500 "$SEED" > "$OUT/queries.txt"
(cd search && java -cp "target/test-classes:target/classes:$(cat target/relevance.classpath)" \
  dev.madang.search.bench.SearchRequestLines madang "../$OUT/app.lines" "../$OUT/es.lines" < "../$OUT/queries.txt")

# Similar questions for 100 questions found by the first queries (GET /api/v1/threads/{id}/similar, public).
python3 - "$BASE" "$OUT/queries.txt" > "$OUT/similar.lines" <<'PY'
import json, sys, urllib.parse, urllib.request
base, queries = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().split("\n")
found = 0
for q in queries:
    if not q.strip():
        continue
    hits = json.load(urllib.request.urlopen(base + "/api/v1/search?size=1&q=" + urllib.parse.quote(q)))["hits"]
    if hits:
        print("GET\t/api/v1/threads/%s/similar" % hits[0]["id"])
        found += 1
    if found == 100:
        break
PY

run() {
  local name=$1 url=$2 lines=$3 connections=${4:-$CLIENTS}
  local out rps p50 p99
  out=$(wrk -t$(( connections < 2 ? 1 : 2 )) -c"$connections" -d"${DURATION}s" --latency -s bench/search-perf/requests.lua "$url" -- "$lines")
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  errors=$(echo "$out" | grep -c '^status' || true)
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$errors"
}
echo "warming up"
wrk -t2 -c"$CLIENTS" -d10s -s bench/search-perf/requests.lua "$BASE" -- "$OUT/app.lines" > /dev/null
wrk -t2 -c"$CLIENTS" -d10s -s bench/search-perf/requests.lua "http://127.0.0.1:$ES_PORT" -- "$OUT/es.lines" > /dev/null
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
  echo "corpus: $COUNT posts (seed $SEED), $DOCS questions in the index; $CLIENTS connections, ${DURATION} s per run"
  echo
  echo "| target | requests/s | p50 | p99 | non-200 |"
  echo "|---|---:|---:|---:|---:|"
  run "app: GET /api/v1/search" "$BASE" "$OUT/app.lines"
  run "Elasticsearch: the same requests" "http://127.0.0.1:$ES_PORT" "$OUT/es.lines"
  # One connection: each request alone on the machine, so the difference is the app's own time per request.
  run "app, 1 connection" "$BASE" "$OUT/app.lines" 1
  run "Elasticsearch, 1 connection" "http://127.0.0.1:$ES_PORT" "$OUT/es.lines" 1
  run "app: similar questions, 1 connection" "$BASE" "$OUT/similar.lines" 1
  echo
  python3 bench/search-perf/probe.py "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "${PROBES:-100}"
} | tee "$OUT/summary.md"
