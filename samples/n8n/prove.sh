#!/usr/bin/env bash
# Proves the samples/n8n workflows in a real n8n against the sample host, on 127.0.0.1 only (no internet).
# Not run in CI: installing n8n takes too long. Usage (from anywhere):
#   N8N_BIN=/path/to/node_modules/.bin/n8n samples/n8n/prove.sh
# Needs: dotnet, curl, jq, openssl, sqlite3. Everything it creates lives under $WORK (default /tmp/rizquna-n8n-proof).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
N8N_BIN=${N8N_BIN:-/work/n8n/node_modules/.bin/n8n}
WORK=${WORK:-/tmp/rizquna-n8n-proof}
HOST_PORT=${HOST_PORT:-5181}
N8N_PORT=${N8N_PORT:-5679}
HOST_URL="http://127.0.0.1:$HOST_PORT"
N8N_URL="http://127.0.0.1:$N8N_PORT"
# Throwaway values for this run only; never printed.
TOKEN="proof-$(openssl rand -hex 16)"
SECRET="proof-$(openssl rand -hex 24)"

say() { printf '\n### %s\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

rm -rf "$WORK" && mkdir -p "$WORK/host-data" "$WORK/n8n-home"
HOST_PID=""; N8N_PID=""
cleanup() {
  [ -n "$N8N_PID" ] && kill "$N8N_PID" 2>/dev/null || true
  [ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null || true
}
trap cleanup EXIT

# ---------------------------------------------------------------- sample host
say "Start the sample host on $HOST_URL (dry-run: no platform credentials), events to n8n's two webhooks"
export Rizquna__Host__DataDirectory="$WORK/host-data"
export Rizquna__Api__Tokens__0="$TOKEN"
export Rizquna__Events__Urls__0="$N8N_URL/webhook/rizquna-report-daily"
export Rizquna__Events__Urls__1="$N8N_URL/webhook/rizquna-approval"
export Rizquna__Events__Secret="$SECRET"
export Rizquna__Events__FirstRetryDelay="00:00:01"
export Rizquna__Events__MaxRetryDelay="00:00:05"
export Rizquna__Events__MaxAttempts="40"
# Content with the word "approval-demo" waits for an operator: that is what raises approval.requested.
export Rizquna__Scheduling__Approvals__Keywords__0="approval-demo"
# Re-check a pending approval every 5 s (default 1 min) so the approved item is published within the run.
export Rizquna__Autopost__ApprovalRecheckInterval="00:00:05"
# Run the nightly report job (lane C) every minute instead of 21:00, so the host sends report.daily during the run.
export Rizquna__Scheduling__Lanes__ReportCron="* * * * *"
printf '$ dotnet run --project samples/Rizquna.SampleHost --no-build -- --Urls=%s   (env: Rizquna__Api__Tokens__0, Rizquna__Events__Urls__0/1, Rizquna__Events__Secret, ...)\n' "$HOST_URL"
(cd "$REPO" && exec dotnet run --project samples/Rizquna.SampleHost --no-build -- --Urls="$HOST_URL") >"$WORK/host.log" 2>&1 &
HOST_PID=$!
for _ in $(seq 1 120); do curl -fsS "$HOST_URL/health" >/dev/null 2>&1 && break; sleep 1; done
printf '$ curl -sS %s/health\n' "$HOST_URL"; curl -sS "$HOST_URL/health" | jq -c '{ok}'

# ---------------------------------------------------------------- n8n: import
export N8N_USER_FOLDER="$WORK/n8n-home"
export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_PERSONALIZATION_ENABLED=false
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true N8N_PORT N8N_LISTEN_ADDRESS=127.0.0.1 WEBHOOK_URL="$N8N_URL/"
export RIZQUNA_HOST_URL="$HOST_URL" RIZQUNA_EVENT_SECRET="$SECRET"
N8N_DB="$WORK/n8n-home/.n8n/database.sqlite"

say "Import the Header Auth credential (token of this run) and the three workflows"
jq --arg v "Bearer $TOKEN" '.[0].data.value = $v' "$REPO/samples/n8n/credentials.example.json" >"$WORK/credentials.json"
run "$N8N_BIN" import:credentials --input="$WORK/credentials.json" 2>&1 | grep -v -i -e migration -e permissions
run "$N8N_BIN" import:workflow --separate --input="$REPO/samples/n8n/workflows" 2>&1 | grep -v -i -e migration -e permissions
run "$N8N_BIN" update:workflow --id=rzReportDaily001 --active=true 2>&1 | grep -v -i permissions
run "$N8N_BIN" update:workflow --id=rzApprovalLoop01 --active=true 2>&1 | grep -v -i permissions
run "$N8N_BIN" list:workflow 2>&1 | grep -v -i permissions

# ---------------------------------------------------------------- workflow 1: content -> ingest
say "Workflow 1: n8n execute --id=rzIngest00000001 (twice: the second run replays via Idempotency-Key)"
for n in 1 2; do
  printf '$ n8n execute --id=rzIngest00000001 --rawOutput\n'
  "$N8N_BIN" execute --id=rzIngest00000001 --rawOutput >"$WORK/execute$n.out" 2>&1 || true
  # Show the "Queued" node's output (n8n prints the run data as JSON); fall back to the raw text.
  sed -n '/^{/,$p' "$WORK/execute$n.out" | jq -c '.data.resultData.runData.Queued[0].data.main[0][0].json' 2>/dev/null \
    || grep -v -i permissions "$WORK/execute$n.out"
done
say "The item in the host's queue"
printf '$ curl -sS -H "Authorization: Bearer $TOKEN" %s/api/autopost/queue\n' "$HOST_URL"
curl -sS -H "Authorization: Bearer $TOKEN" "$HOST_URL/api/autopost/queue" | tee "$WORK/queue.json" \
  | jq -c '.items[] | {id, title, status, dedup_key, channels: [.channels[] | {channel, status, approval_id}]}'

# ---------------------------------------------------------------- n8n: webhooks live
say "Start n8n (webhook workflows active) on $N8N_URL"
printf '$ n8n start   (background; N8N_PORT=%s N8N_LISTEN_ADDRESS=127.0.0.1)\n' "$N8N_PORT"
"$N8N_BIN" start >"$WORK/n8n.log" 2>&1 &
N8N_PID=$!
# Ready for webhooks once the workflows are activated (the editor line is logged last).
for _ in $(seq 1 300); do grep -q "Editor is now accessible" "$WORK/n8n.log" 2>/dev/null && break; sleep 1; done
grep -E "Activated workflow|ready on" "$WORK/n8n.log"
run curl -sS "$N8N_URL/healthz"; echo

say "A second content item that needs approval (keyword approval-demo), ingested with the token"
printf '$ curl -sS -X POST %s/api/autopost/ingest -H "Authorization: Bearer $TOKEN" -H "Idempotency-Key: approval-demo-1" -d {...}\n' "$HOST_URL"
curl -sS -X POST "$HOST_URL/api/autopost/ingest" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -H 'Idempotency-Key: approval-demo-1' \
  -d '{"title":"approval-demo: harga baru","summary":"Harga baru mulai bulan depan.","link":"https://example.com/harga","channels":["telegram/001"]}' \
  | jq -c '{id, status, channels: [.channels[] | {channel, status}]}'

# Let the host's worker publish / gate the items and the outbox deliver its events.
say "Wait for the host's worker and event outbox (post.published, approval.requested)"
APPROVAL_ID=""
for _ in $(seq 1 90); do
  APPROVAL_ID=$(curl -sS -H "Authorization: Bearer $TOKEN" "$HOST_URL/api/approvals?status=pending" | jq -r '.items[0].id // empty')
  delivered=$(sqlite3 "$WORK/host-data/rizquna.db" "SELECT count(*) FROM host_outbox WHERE status='delivered';" 2>/dev/null || echo 0)
  [ -n "$APPROVAL_ID" ] && [ "$delivered" -ge 2 ] && break
  sleep 2
done
printf '$ curl -sS -H "Authorization: Bearer $TOKEN" "%s/api/approvals?status=pending"\n' "$HOST_URL"
curl -sS -H "Authorization: Bearer $TOKEN" "$HOST_URL/api/approvals?status=pending" | jq -c '.items[] | {id, action_type, account, status, reason}'

# The host emits approval.requested when it knows how; if this build does not (yet), send the same envelope the host
# would, signed with the host's scheme, and say so.
sleep 6
if [ -n "$APPROVAL_ID" ] && [ "$(sqlite3 "$WORK/host-data/rizquna.db" "SELECT count(*) FROM host_outbox WHERE type='approval.requested';")" = "0" ]; then
  say "NOTE: this host build raised no approval.requested event; sending a host-shaped, host-signed one by hand"
  ts=$(date +%s)
  body=$(curl -sS -H "Authorization: Bearer $TOKEN" "$HOST_URL/api/approvals?status=pending" | jq -c '.items[0]')
  body=$(jq -cn --argjson p "$body" --arg t "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    '{id: ("evt_manual_" + ($p.id|tostring)), type: "approval.requested", time: $t, payload: ($p + {approval_id: $p.id})}')
  sig="sha256=$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')"
  printf '$ curl -X POST %s/webhook/rizquna-approval -H "X-Rizquna-Timestamp: %s" -H "X-Rizquna-Signature: sha256=<hmac>" -d <approval.requested envelope>\n' "$N8N_URL" "$ts"
  curl -sS -X POST "$N8N_URL/webhook/rizquna-approval" -H 'Content-Type: application/json' -H "X-Rizquna-Event: approval.requested" \
    -H "X-Rizquna-Timestamp: $ts" -H "X-Rizquna-Signature: $sig" --data-binary "$body"; echo
fi

say "A forged event (wrong signature) is refused by both webhook workflows"
ts=$(date +%s)
forged='{"id":"evt_forged","type":"report.daily","time":"2026-01-01T00:00:00Z","payload":{"title":"forged","body":"x"}}'
for path in rizquna-report-daily rizquna-approval; do
  printf '$ curl -X POST %s/webhook/%s -H "X-Rizquna-Signature: sha256=00…" (forged)\n' "$N8N_URL" "$path"
  curl -sS -w ' -> HTTP %{http_code}\n' -X POST "$N8N_URL/webhook/$path" -H 'Content-Type: application/json' \
    -H "X-Rizquna-Timestamp: $ts" -H "X-Rizquna-Signature: sha256=$(printf '0%.0s' $(seq 1 64))" --data-binary "$forged"
done

# report.daily comes from the nightly report job (every minute here). Give it up to two minutes; if this host build
# delivered none, send the host's report.daily shape signed with the host's scheme, and say so.
say "Wait for the host's report job to send report.daily"
for _ in $(seq 1 60); do
  [ "$(sqlite3 "$WORK/host-data/rizquna.db" "SELECT count(*) FROM host_outbox WHERE type='report.daily' AND status='delivered';")" != "0" ] && break
  sleep 2
done
run sqlite3 "$WORK/host-data/rizquna.db" "SELECT event_id, type, status FROM host_outbox WHERE type='report.daily';"
if [ "$(sqlite3 "$WORK/host-data/rizquna.db" "SELECT count(*) FROM host_outbox WHERE type='report.daily';")" = "0" ]; then
  say "NOTE: no report.daily was due during this run; sending a host-shaped, host-signed one by hand"
  ts=$(date +%s)
  body=$(jq -cn --arg t "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    '{id: "evt_manual_report", type: "report.daily", time: $t, payload: {report_id: "report-proof", title: "Laporan harian", body: "Posted: 1\nFailed: 0\nPending approval: 1", created_at: $t}}')
  sig="sha256=$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')"
  printf '$ curl -X POST %s/webhook/rizquna-report-daily -H "X-Rizquna-Timestamp: %s" -H "X-Rizquna-Signature: sha256=<hmac>" -d <report.daily envelope>\n' "$N8N_URL" "$ts"
  curl -sS -w ' -> HTTP %{http_code}\n' -X POST "$N8N_URL/webhook/rizquna-report-daily" -H 'Content-Type: application/json' \
    -H "X-Rizquna-Event: report.daily" -H "X-Rizquna-Timestamp: $ts" -H "X-Rizquna-Signature: $sig" --data-binary "$body"
fi

# ---------------------------------------------------------------- approval loop: operator decides
say "Approval loop: the execution waits in the Wait node; the operator opens the approve link"
sleep 3
WAITING=$(sqlite3 "$N8N_DB" "SELECT id FROM execution_entity WHERE workflowId='rzApprovalLoop01' AND status='waiting' ORDER BY id DESC LIMIT 1;")
run sqlite3 "$N8N_DB" "SELECT id, status, mode, waitTill FROM execution_entity WHERE workflowId='rzApprovalLoop01' AND status='waiting';"
if [ -n "$WAITING" ]; then
  run curl -sS "$N8N_URL/webhook-waiting/$WAITING?decision=approve"; echo
  sleep 5
fi
printf '$ curl -sS -H "Authorization: Bearer $TOKEN" "%s/api/approvals?status=approved"\n' "$HOST_URL"
curl -sS -H "Authorization: Bearer $TOKEN" "$HOST_URL/api/approvals?status=approved" | jq -c '.items[] | {id, status, decided_by, note}'

# ---------------------------------------------------------------- evidence
sleep 15
say "The host's queue after the run: the approved item was published too (dry-run)"
printf '$ curl -sS -H "Authorization: Bearer $TOKEN" %s/api/autopost/queue\n' "$HOST_URL"
curl -sS -H "Authorization: Bearer $TOKEN" "$HOST_URL/api/autopost/queue" \
  | jq -c '.items[] | {id, title, status, channels: [.channels[] | {channel, status, approval_id, platform_post_id}]}'
say "Host event outbox (host-data/rizquna.db, table host_outbox)"
run sqlite3 -header "$WORK/host-data/rizquna.db" \
  "SELECT type, substr(url, instr(url, '/webhook/')) AS receiver, status, attempts, last_error FROM host_outbox ORDER BY created_at, url;"
say "n8n executions (n8n-home/.n8n/database.sqlite, table execution_entity)"
run sqlite3 -header "$N8N_DB" \
  "SELECT e.id, w.name AS workflow, e.mode, e.status, e.startedAt FROM execution_entity e JOIN workflow_entity w ON w.id = e.workflowId ORDER BY e.id;"
say "What each webhook execution did (nodes run and key outputs, decoded from execution_data)"
for id in $(sqlite3 "$N8N_DB" "SELECT id FROM execution_entity WHERE workflowId <> 'rzIngest00000001' ORDER BY id;"); do
  printf '$ sqlite3 database.sqlite "SELECT data FROM execution_data WHERE executionId=%s" | node samples/n8n/show-execution.js\n' "$id"
  sqlite3 "$N8N_DB" "SELECT data FROM execution_data WHERE executionId=$id;" \
    | NODE_PATH="$(dirname "$(dirname "$(readlink -f "$N8N_BIN")")")/..:${NODE_PATH:-}" node "$REPO/samples/n8n/show-execution.js"
done
