#!/usr/bin/env bash
# Insights API benchmark: GET /api/v1/insights/overview (whole community and one area, a one-year and a three-year
# period) next to a trivial endpoint of the same server in the same run, at 8 connections (aim: p99 <= 300 ms).
# Needs wrk and a running Madang with content (bench/load-all-dumps.sh for ~100k posts) and a staff or admin token:
#   TOKEN=mdg_... bash bench/insights/run.sh [base-url] [seconds] [connections]
# Make a token: curl -u admin@…:password -X POST -H 'Content-Type: application/json' -d '{"name":"bench"}' \
#   http://localhost:8080/api/v1/tokens
set -euo pipefail
BASE=${1:-http://localhost:8080}
SECONDS_PER_RUN=${2:-20}
CONNECTIONS=${3:-8}
: "${TOKEN:?set TOKEN to a staff or admin access token}"
AREA=${AREA:-$(curl -s "$BASE/api/v1/areas" | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a[0]["slug"] if a else "")')}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; area $AREA"
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/insights/overview?from=${FROM3:-2019-01-01}&to=${TO:-2021-12-31}" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print("questions in the three years:", d["total"]["pain"]["asked"])'

run() {
  local name=$1 url=$2
  local out rps p50 p99
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $TOKEN" "$url")
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  printf '%-34s %10s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
  echo "$rps" > "/tmp/madang-bench-$name"
}

for url in "$BASE/actuator/health/liveness" "$BASE/api/v1/insights/overview?from=${FROM1:-2021-01-01}&to=${TO:-2021-12-31}"; do
  wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" "$url" > /dev/null
done
run trivial "$BASE/actuator/health/liveness"
run overview-1y-all "$BASE/api/v1/insights/overview?from=${FROM1:-2021-01-01}&to=${TO:-2021-12-31}"
run overview-3y-all "$BASE/api/v1/insights/overview?from=${FROM3:-2019-01-01}&to=${TO:-2021-12-31}"
run overview-3y-area "$BASE/api/v1/insights/overview?from=${FROM3:-2019-01-01}&to=${TO:-2021-12-31}&area=$AREA"
run overview-30d-all "$BASE/api/v1/insights/overview"
trivial=$(cat /tmp/madang-bench-trivial)
for name in overview-1y-all overview-3y-all overview-3y-area overview-30d-all; do
  python3 -c "print('%-34s ratio to trivial: %.3f' % ('$name', float(open('/tmp/madang-bench-$name').read())/float('$trivial')))"
done
