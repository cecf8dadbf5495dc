#!/usr/bin/env bash
# usage: bench-write.sh <jar> <label> <data snapshot>: answers posted per second, against the trivial endpoint
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
echo "== $LABEL answers/s $W p50 $(awk '$1=="50%"{print $2}' $DATA/w.txt) p99 $(awk '$1=="99%"{print $2}' $DATA/w.txt); trivial $T; ratio $(python3 -c "print(round($W/$T,4))") $NON2XX"
kill $APP; wait $APP 2>/dev/null
rm -rf "$DATA"
