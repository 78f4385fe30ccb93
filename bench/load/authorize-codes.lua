-- wrk: the authorization endpoint for a signed-in user whose consent is not asked (first-party
-- client), for bench/paths.sh's code rows: every request is the same GET (the URL given to wrk,
-- PKCE S256 with one fixed challenge), sent with the session cookie of one sign-in; every 302 to
-- the redirect_uri with a code counts as good, and the code is appended to CODES_PREFIX.N (N = the
-- wrk thread, from 1), one a line, for load/code-exchange.lua to redeem.
--   wrk -t2 -c16 ... -s bench/load/authorize-codes.lua 'URL/oauth2/authorize?...' -- COOKIE CODES_PREFIX
-- done() prints WRK_RESULT like form-post.lua; bad = not a 302 carrying a code.
local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

local codes

function init(args)
  wrk.headers["Cookie"] = args[1]
  codes = assert(io.open(args[2] .. "." .. index, "w"))
  codes:setvbuf("line")   -- wrk never closes a thread's files: each line reaches the file at once
  bad = 0
  first_bad = nil
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  local code = location:match("[?&]code=([^&]+)")
  if status == 302 and code then
    codes:write(code, "\n")
  else
    bad = bad + 1
    if not first_bad then first_bad = status .. " " .. location:sub(1, 200) .. " " .. body:sub(1, 200) end
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
