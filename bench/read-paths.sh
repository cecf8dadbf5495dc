#!/usr/bin/env bash
# Read-path benchmark: the question page and GET /api/v1/threads/{id} of the busiest seeded question, next to a
# trivial endpoint of the same server in the same run (the ratio is the tracked figure; aim >= 0.5).
# Needs wrk (apt-get install wrk) and a running Madang with the demo community loaded, e.g. from the repo root:
#   java -jar api/target/madang.jar &   (wait until the log says the demo content is loaded)
#   bash bench/read-paths.sh [base-url] [seconds] [connections]
set -euo pipefail
BASE=${1:-http://localhost:8080}
SECONDS_PER_RUN=${2:-20}
CONNECTIONS=${3:-32}

# The seeded question with the most answers, found through the public API.
ID=$(python3 - "$BASE" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
hits = json.load(urllib.request.urlopen(base + "/api/v1/search?size=50&q=the"))["hits"]
best = max(hits, key=lambda h: json.load(urllib.request.urlopen(base + "/api/v1/threads/" + h["id"]))["answerCount"])
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
