#!/usr/bin/env bash
# Figures for the reminder due index: bytes per pending reminder in Redis with a million pending,
# and due->handler latency through a real ReminderPoller. Starts its own redis-server (the system
# one if on PATH, else the embedded one). Arguments, all optional: pending, stream count, rate/s.
# Prints one summary line and keeps it in bench/reminders/last-run.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx1g -Dlogback.configurationFile=bench/reminders/logback.xml \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.cyclebreaker.bench.ReminderBench "$@" | tee bench/reminders/last-run.txt
