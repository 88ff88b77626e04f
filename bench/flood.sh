#!/usr/bin/env bash
# Drains a burst of messages through the outbox and the Redis flood gate against the fake Bot API
# enforcing Telegram-like flood limits (1/s per chat, burst 3; 30/s overall, burst 30) in real
# time, and prints messages/s, the share of the configured global rate and the count of 429s.
#
#   bench/flood.sh [messages=10000] [chats=1000] [workers=32] [globalRate=30]
#
# 10,000 messages at 30/s take about 5.5 minutes. Needs a JDK and Maven; uses redis-server from
# PATH when there is one, else the embedded binary, on a free port (never 6379).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
mvn -B -ntp -q test-compile
cp=$(mktemp /tmp/cb-flood-cp.XXXX)
trap 'rm -f "$cp"' EXIT
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
exec_cp="target/test-classes:target/classes:$(cat "$cp")"
java -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$exec_cp" \
  dev.cyclebreaker.bench.FloodBench "$@"
