#!/usr/bin/env bash
# Java 17 against Java 25, back to back and interleaved, as docs/benchmarks.md reports them:
# bench match (1M random hashes) with the faiss anchor between, bench pdq over generated PNGs,
# and bench jvm (start-up, RSS, matching over HTTP; AOT cache and compact object headers).
# Usage: bench/compare-jdks.sh [ROUNDS]   (run it on a quiet machine; it prints JSON lines with the load)
# Java 25 is the baseline now: to run the Java 17 side, build at release 17 first
# (./mvnw -pl hashmatch-service,bench -am package -DskipTests -Dmaven.compiler.release=17).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
J17=${CCALL_JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
J25=${CCALL_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
load() { cut -d' ' -f1 /proc/loadavg; }
tag() { sed "s/^{/{\"jdk\":\"$1\",\"load\":$(load),/"; }
bin/ccall bench 2>/dev/null || true   # builds nothing; the first real call below builds the bench module
for r in $(seq 1 "$ROUNDS"); do
  if /usr/bin/python3 -c 'import faiss' 2>/dev/null; then
    /usr/bin/python3 ../shared/bench/faiss_bench.py --n 1000000 --q 1000 --threads 1 \
      --kinds 'IDMap2(BinaryMultiHash(16,16,nflip=1)) [HMA]' | grep 'one query per call' | tag faiss
  fi
  CCALL_JAVA_HOME="$J17" bin/ccall bench match --hashes 1000000 --queries 10000 --threads 1 | tag 17
  CCALL_JAVA_HOME="$J25" bin/ccall bench match --hashes 1000000 --queries 10000 --threads 1 | tag 25
  CCALL_JAVA_HOME="$J25" CCALL_JAVA_OPTS="-Xmx12g -XX:+UseCompactObjectHeaders" bin/ccall bench match --hashes 1000000 --queries 10000 --threads 1 | tag 25-coh
done
DIR=${CCALL_PDQ_IMAGES:-/tmp/pdq-bench}
[ -d "$DIR" ] || "$J25/bin/java" -cp 'bench/target/classes:bench/target/lib/*' org.christchurchcall.bench.pdq.BenchImages "$DIR" 20 >/dev/null
for r in $(seq 1 "$ROUNDS"); do
  CCALL_JAVA_HOME="$J17" bin/ccall bench pdq "$DIR" | tag 17
  CCALL_JAVA_HOME="$J25" bin/ccall bench pdq "$DIR" | tag 25
done
bin/ccall bench jvm --rounds "$ROUNDS" --jdks "$J17=plain,$J25=plain+coh+aot+aot&coh"
