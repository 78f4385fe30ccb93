-- wrk: one fixed form POST, for any server and path of bench/paths.sh (client_credentials,
-- password grant, introspection), counting as bad every answer that is not 200 or lacks EXPECT.
--   wrk ... -s bench/load/form-post.lua URL -- AUTH BODY EXPECT
-- AUTH: "-" (none) or HTTP Basic credentials already base64-encoded; BODY: the form, already
-- url-encoded; EXPECT: a plain substring every good answer carries (e.g. "access_token" or
-- "active":true). done() prints one line to parse (as ../shared/bench/load/token-cc.lua):
--   WRK_RESULT requests=N duration_s=S rps=R p50_ms=A p90_ms=B p99_ms=C bad=N socket_errors=N
local threads = {}
function setup(thread) table.insert(threads, thread) end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Accept"] = "application/json"
  if args[1] ~= "-" then wrk.headers["Authorization"] = "Basic " .. args[1] end
  wrk.body = args[2]
  expect = args[3]
  bad = 0
  first_bad = nil
end

function response(status, headers, body)
  if status ~= 200 or not body:find(expect, 1, true) then
    bad = bad + 1
    if not first_bad then first_bad = status .. " " .. body:sub(1, 200) end
  end
end

function done(summary, latency, requests)
  local bad_total, sample = 0, nil
  for _, t in ipairs(threads) do
    bad_total = bad_total + (t:get("bad") or 0)
    sample = sample or t:get("first_bad")
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  if sample then io.write("first bad response: ", sample, "\n") end
  io.write(string.format(
    "WRK_RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f bad=%d socket_errors=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    bad_total, e.connect + e.read + e.write + e.timeout))
end
