#!/usr/bin/env bash
# Read-path benchmark: the question page and GET /api/v1/threads/{id} of the busiest seeded question, next to a
# trivial endpoint of the same server in the same run (the ratio is the tracked figure; aim >= 0.5).
# Needs wrk (apt-get install wrk) and a running Madang with content loaded (bench/load-all-dumps.sh loads all of
# ../shared/data), e.g. from the repo root:
#   bash bench/read-paths.sh [base-url] [seconds] [connections]      (ANSWERS=10 picks the question)
set -euo pipefail
BASE=${1:-http://localhost:8080}
SECONDS_PER_RUN=${2:-20}
CONNECTIONS=${3:-32}

# A question with ANSWERS answers (10 by default; else the closest above), found through the public list API.
WANT=${ANSWERS:-10}
ID=$(python3 - "$BASE" "$WANT" <<'PY'
import json, sys, urllib.request, urllib.parse
base, want = sys.argv[1], int(sys.argv[2])
best, cursor = None, None
while True:
    url = base + "/api/v1/threads?sort=newest&size=100" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
    page = json.load(urllib.request.urlopen(url))
    for item in page["items"]:
        if item["answerCount"] >= want and (best is None or item["answerCount"] < best["answerCount"]):
            best = item
    if (best and best["answerCount"] == want) or not page.get("nextCursor"):
        break
    cursor = page["nextCursor"]
print(best["id"])
PY
)
PAGE=$(curl -s -o /dev/null -w '%{redirect_url}' "$BASE/t/$ID")
ANSWERS=$(curl -s "$BASE/api/v1/threads/$ID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["answerCount"])')
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; question $ID with $ANSWERS answers"

run() {
  local name=$1 url=$2
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$url")
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  printf '%-28s %10s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
  echo "$rps"  > "/tmp/madang-bench-$name"
}

# Warm up the JIT on every path first, so the first measured path is not the one that pays for it.
for url in "$BASE/actuator/health/liveness" "$BASE/api/v1/threads/$ID" "$PAGE"; do
  wrk -t2 -c"$CONNECTIONS" -d5s "$url" > /dev/null
done

run trivial "$BASE/actuator/health/liveness"
run thread-api "$BASE/api/v1/threads/$ID"
run question-page "$PAGE"
trivial=$(cat /tmp/madang-bench-trivial)
for name in thread-api question-page; do
  python3 -c "import sys; print('%-28s ratio to trivial: %.2f' % ('$name', float(open('/tmp/madang-bench-$name').read())/float('$trivial')))"
done
