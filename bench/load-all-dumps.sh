#!/usr/bin/env bash
# Loads every Stack Exchange dump in ../shared/data and all Korean question pairs into a fresh embedded data folder,
# for the read-path benchmark "after importing all of shared/data". Then start the app on that folder:
#   bash bench/load-all-dumps.sh bench-data
#   MADANG_EMBEDDED_DATA_DIR=bench-data MADANG_SEED_ENABLED=false java -jar api/target/madang.jar
# (the first start indexes everything; wait until /actuator/health shows indexing.backlog 0).
set -euo pipefail
DATA=${1:-bench-data}
SHARED=${SHARED_DATA:-../shared/data}
JAR=${JAR:-api/target/madang.jar}
export MADANG_EMBEDDED_DATA_DIR=$DATA
dumps=()
for folder in "$SHARED"/se-*; do
  [ -f "$folder/Posts.xml" ] && dumps+=("$folder")
done
echo "importing ${#dumps[@]} Stack Exchange dumps into $DATA"
time java -jar "$JAR" import stackexchange "${dumps[@]}"
time java -jar "$JAR" import korean "$SHARED/ko-chatbot-data/ChatbotData.csv"
