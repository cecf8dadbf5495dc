#!/usr/bin/env bash
# usage: write-bench.sh <jar> <label> <data snapshot>: answers posted per second, against the trivial endpoint,
# and how long the event consumers (notifications, webhooks, ...) take to catch up after the burst
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=$1; LABEL=$2; SNAP=$3
DATA=$(mktemp -d /var/tmp/w-$LABEL-XXXX)
cp -r "$SNAP/mongo" "$DATA/mongo"
cd "$DATA"
java -jar "$JAR" --server.port=8098 --madang.embedded.data-dir="$DATA" --madang.seed.enabled=false --madang.admin.demo-accounts=false \
  --madang.rate-limits.writes-per-user=100000000 --madang.rate-limits.writes-per-ip=100000000 --madang.moderation.new-members.period=0s > "$DATA/app.log" 2>&1 &
APP=$!
until curl -sf localhost:8098/actuator/health | grep -q '"backlog":0'; do sleep 2; done
B=http://localhost:8098
E="w$RANDOM@example.com"
curl -s -X POST $B/api/v1/accounts -H 'Content-Type: application/json' -d "{\"email\":\"$E\",\"displayName\":\"Writer\",\"password\":\"correct horse battery staple\"}" > /dev/null
TOKEN=$(curl -s -u "$E:correct horse battery staple" -X POST $B/api/v1/tokens -H 'Content-Type: application/json' -d '{"name":"w"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
TID=$(curl -s "$B/api/v1/threads?size=1" | python3 -c 'import sys,json;print(json.load(sys.stdin)["items"][0]["id"])')
sed "s|THREAD_PATH|\"/api/v1/threads/$TID/answers\"|; s|TOKEN|\"$TOKEN\"|" "$HERE/post-answers.lua" > $DATA/post.lua
T=$(wrk -t2 -c4 -d10s $B/actuator/health/liveness | awk '/Requests\/sec/{print $2}')
W=$(wrk -t2 -c4 -d15s --latency -s $DATA/post.lua $B | tee $DATA/w.txt | awk '/Requests\/sec/{print $2}')
NON2XX=$(grep -o "Non-2xx or 3xx responses: [0-9]*" $DATA/w.txt)
START=$(date +%s.%N)
caught_up() {
  curl -s localhost:8098/actuator/health | python3 -c '
import sys, json
def find(node):
    if isinstance(node, dict):
        if "consumersBehind" in node:
            return node["consumersBehind"]
        for value in node.values():
            found = find(value)
            if found is not None:
                return found
    return None
behind = find(json.load(sys.stdin)) or {}
sys.exit(0 if all(v == 0 for v in behind.values()) else 1)'
}
until caught_up; do sleep 0.2; done
CATCHUP=$(python3 -c "import time; print(round(time.time()-$START,1))")
NOTES=$(curl -s -H "Authorization: Bearer $TOKEN" "$B/api/v1/notifications/unread-count")
echo "== $LABEL answers/s $W p50 $(awk '$1=="50%"{print $2}' $DATA/w.txt) p99 $(awk '$1=="99%"{print $2}' $DATA/w.txt); trivial $T; ratio $(python3 -c "print(round($W/$T,4))") $NON2XX; consumers caught up ${CATCHUP}s after the burst; writer's inbox $NOTES"
kill $APP; wait $APP 2>/dev/null
rm -rf "$DATA"
