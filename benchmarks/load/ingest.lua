-- wrk script: POST /api/autopost/ingest with a bearer token; each request a distinct title.
-- Usage: wrk -t2 -c8 -d20s --latency -s benchmarks/load/ingest.lua http://127.0.0.1:5080/api/autopost/ingest
local counter = 0
local token = os.getenv("RIZQUNA_TOKEN") or "bench-token-0123456789abcdef"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
request = function()
  counter = counter + 1
  local body = '{"title":"Bench item ' .. counter .. '","summary":"Load test","link":"https://example.com/bench/' .. counter .. '"}'
  if os.getenv("RIZQUNA_INVALID") then
    -- Baseline: same path (auth, rate limit, body read, JSON parse, validation) answered 400 without touching SQLite.
    body = '{"title":' .. counter .. ',"summary":"Load test","link":"https://example.com/bench/' .. counter .. '"}'
  end
  local headers = nil
  if os.getenv("RIZQUNA_KEYED") then
    -- Keyed scenario: every request carries a new Idempotency-Key (reserve + complete on the host).
    -- wrk.format replaces wrk.headers with the table it is given, so copy them in.
    headers = { ["Idempotency-Key"] = "bench-" .. os.time() .. "-" .. counter }
    for name, value in pairs(wrk.headers) do headers[name] = value end
  end
  return wrk.format(nil, nil, headers, body)
end
done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
