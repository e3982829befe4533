#!/usr/bin/env bash
# Ingest load test (issue 8): publishes the sample host, runs it in a fresh folder on 127.0.0.1:5080, then wrk in this
# process for each scenario, and checks durability (rows in SQLite vs 201 answers). Usage:
#   benchmarks/load/ingest-bench.sh [seconds-per-scenario (20)] [scenarios (invalid plain keyed)]
# Targets: plain and keyed ≥ 4,000 requests/s with p99 ≤ 25 ms, every 201 committed (synchronous=FULL).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-20}
scenarios=${2:-"invalid plain keyed"}
pub=${RIZQUNA_PUBLISH_DIR:-/tmp/rizquna-ingest-bench/pub}
run=$(mktemp -d /tmp/rizquna-ingest-bench-run.XXXXXX)
url=http://127.0.0.1:5080/api/autopost/ingest
lua="$repo/benchmarks/load/ingest.lua"

[ -n "${RIZQUNA_SKIP_PUBLISH:-}" ] || dotnet publish "$repo/samples/Rizquna.SampleHost" -c Release -o "$pub" >/dev/null
cp "$pub/appsettings.json" "$run/"
cd "$run"
Rizquna__Api__Tokens__0=bench-token-0123456789abcdef Rizquna__Api__RateLimitPermits=100000000 \
  dotnet "$pub/Rizquna.SampleHost.dll" >"$run/host.log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -fs http://127.0.0.1:5080/health >/dev/null && break; sleep 1; done

rows() { sqlite3 "$run/data/rizquna.db" "SELECT (SELECT count(*) FROM autopost_items) || ' items, ' || (SELECT count(*) FROM autopost_idempotency) || ' keys';"; }
created() { # 201s in a wrk output = requests - non-2xx
  local total non
  total=$(grep -Eo '^ *[0-9]+ requests in' "$1" | grep -Eo '[0-9]+' | head -1)
  non=$(grep -Eo 'Non-2xx or 3xx responses: [0-9]+' "$1" | grep -Eo '[0-9]+$' || echo 0)
  echo $((total - ${non:-0}))
}

expected_items=0; expected_keys=0
for scenario in $scenarios; do
  env=()
  case $scenario in
    invalid) env=(RIZQUNA_INVALID=1) ;;
    keyed) env=(RIZQUNA_KEYED=1) ;;
    plain) ;;
    *) echo "unknown scenario $scenario" >&2; exit 2 ;;
  esac
  env "${env[@]}" wrk -t2 -c8 -d5s -s "$lua" "$url" >"$run/warm-$scenario.txt"   # warm-up
  echo "== $scenario ($(uptime | sed 's/.*load average/load average/'))"
  env "${env[@]}" wrk -t2 -c8 -d"${seconds}s" --latency -s "$lua" "$url" | tee "$run/$scenario.txt" \
    | grep -E 'Requests/sec|p50=|Non-2xx|requests in'
  if [ "$scenario" != invalid ]; then
    n=$(( $(created "$run/warm-$scenario.txt") + $(created "$run/$scenario.txt") ))
    expected_items=$((expected_items + n))
    [ "$scenario" = keyed ] && expected_keys=$((expected_keys + n))
  fi
done

kill $host; wait $host 2>/dev/null || true; trap - EXIT
echo "== durability: 201 answers (warm-up + measured) = $expected_items items, $expected_keys keys; in SQLite: $(rows)"
echo "run folder: $run"
