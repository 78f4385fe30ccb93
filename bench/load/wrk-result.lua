-- Shared by the wrk scripts of bench/paths.sh (form-post, refresh-rotating, authorize-codes,
-- code-exchange): bad answers counted per thread, and one line to parse printed at the end:
--   WRK_RESULT requests=N duration_s=S rps=R p50_ms=A p90_ms=B p99_ms=C bad=N socket_errors=N
-- preceded by "first bad response: ..." when there was one. A script loads it with
--   local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "wrk-result.lua")
-- and calls result.setup(thread) from setup(), result.start() from init(), result.bad(sample)
-- from response() and result.done(summary, latency) from done().
local result = {}
local threads = {}

-- also numbers the threads from 1: global "index" in each thread (scripts that split a file among them)
function result.setup(thread)
  table.insert(threads, thread)
  thread:set("index", #threads)
end

function result.start()
  bad = 0
  first_bad = nil
end

function result.bad(sample)
  bad = bad + 1
  if not first_bad then first_bad = sample end
end

function result.done(summary, latency)
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

return result
