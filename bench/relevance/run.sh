#!/usr/bin/env bash
# Relevance harness: recall@1/5/10 and MRR for the Stack Exchange linked/duplicate pairs and the Korean ParaKQC
# paraphrases, plain BM25 next to the product's analysis, search and similar-questions queries (see README.md).
# Usage: bash bench/relevance/run.sh [shared data folder]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="$(cd "${1:-../shared/data}" && pwd)"
./mvnw -B -q -pl search -am install -DskipTests
./mvnw -B -q -pl search dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/relevance.classpath
cd search
java -cp "target/test-classes:target/classes:$(cat target/relevance.classpath)" \
  dev.madang.search.relevance.RelevanceHarness "$DATA" ../bench/relevance/results.md
