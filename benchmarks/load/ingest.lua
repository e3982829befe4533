-- wrk script: POST /api/autopost/ingest with a bearer token; each request a distinct title.
-- Usage: wrk -t2 -c8 -d20s --latency -s benchmarks/load/ingest.lua http://127.0.0.1:5080/api/autopost/ingest
-- RIZQUNA_KEYED=1: a new Idempotency-Key per request; RIZQUNA_INVALID=1: the 400 baseline (no SQLite).
local counter = 0
-- wrk runs one Lua state per thread: setup() gives each a distinct id (global `tid` in that thread), so titles and
-- keys never repeat across threads (two threads with the same key and body would be replays, not new items).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local token = os.getenv("RIZQUNA_TOKEN") or "bench-token-0123456789abcdef"
local started = os.time()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
request = function()
  counter = counter + 1
  local n = (tid or 0) .. "-" .. counter
  local body = '{"title":"Bench item ' .. n .. '","summary":"Load test","link":"https://example.com/bench/' .. n .. '"}'
  if os.getenv("RIZQUNA_INVALID") then
    -- Baseline: same path (auth, rate limit, body read, JSON parse, validation) answered 400 without touching SQLite.
    body = '{"title":' .. counter .. ',"summary":"Load test","link":"https://example.com/bench/' .. n .. '"}'
  end
  local headers = nil
  if os.getenv("RIZQUNA_KEYED") then
    -- Keyed scenario: every request carries a new Idempotency-Key (written in the item's own group commit).
    -- wrk.format replaces wrk.headers with the table it is given, so copy them in.
    headers = { ["Idempotency-Key"] = "bench-" .. started .. "-" .. n }
    for name, value in pairs(wrk.headers) do headers[name] = value end
  end
  return wrk.format(nil, nil, headers, body)
end
done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
