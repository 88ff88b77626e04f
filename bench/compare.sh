#!/usr/bin/env bash
# Runs CycleBreaker and the grammY peer through ../shared/bench/run.sh one after the other, on the
# same machine in the same session, and prints both JSON lines plus the ratios the README quotes.
#
#   bench/compare.sh [--users 1000] [--duration 20] [--flood]
#
# Needs: the jar (mvn -q -DskipTests package), Node 20 for the fake Bot API and the peer,
# redis-server on PATH. The shared harness lives beside this repository in ../shared/bench.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
harness=${BENCH_HARNESS:-$repo/../shared/bench}
users=1000 duration=20 extra=()
while [ $# -gt 0 ]; do
  case $1 in
    --users) users=$2; shift 2;; --duration) duration=$2; shift 2;;
    --flood) extra+=(--flood); shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[ -f "$repo/target/cyclebreaker.jar" ] || (cd "$repo" && mvn -B -q -DskipTests package)
out=$(mktemp -d /tmp/cb-compare.XXXX)
# The bot runs with the README's JVM flags. Its per-update log line is off (the peer logs
# nothing). The fake Bot API has no flood limits and the peer has no throttle, so ours are raised
# to measure the update path; --flood turns Telegram's limits on for both fake and bot.
limits="TELEGRAM_GLOBAL_RATE=1000000 TELEGRAM_CHAT_RATE=1000"
for a in "${extra[@]}"; do [ "$a" = --flood ] && limits=""; done
bot="env LOGGING_LEVEL_CYCLEBREAKER_UPDATES=WARN $limits java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx128m -jar $repo/target/cyclebreaker.jar"
peer="node $harness/peer-grammy/bot.js"
"$harness/run.sh" --bot "$bot" --users "$users" --duration "$duration" --startup 8 "${extra[@]}" | tee "$out/cyclebreaker.txt"
"$harness/run.sh" --bot "$peer" --users "$users" --duration "$duration" --startup 2 "${extra[@]}" | tee "$out/peer.txt"
python3 - "$out/cyclebreaker.txt" "$out/peer.txt" <<'PY'
import json, sys
cb, peer = (json.loads(open(f).readline()) for f in sys.argv[1:3])
r = lambda a, b: round(a / b, 2) if a and b else None
print(json.dumps({'users': cb['users'],
    'updates_per_s': [cb['updates_per_s'], peer['updates_per_s']], 'throughput_ratio': r(cb['updates_per_s'], peer['updates_per_s']),
    'p50_ms': [cb['latency_ms']['p50'], peer['latency_ms']['p50']], 'p99_ms': [cb['latency_ms']['p99'], peer['latency_ms']['p99']],
    'redis_cmds_per_update': [cb['redis_commands_per_update'], peer['redis_commands_per_update']],
    'cpu_ms_per_update': [cb['bot_cpu_ms_per_update'], peer['bot_cpu_ms_per_update']],
    'peak_rss_mb': [cb['bot_peak_rss_mb'], peer['bot_peak_rss_mb']],
    'violations': [cb['violations'], peer['violations']], 'sent429': [cb['sent429'], peer['sent429']]}))
PY
