-- wrk: the authorization code grant of a confidential client (client_secret_basic, PKCE), for
-- bench/paths.sh: thread N redeems the codes of CODES_PREFIX.N (written by load/authorize-codes.lua),
-- each once, in order (a code is single-use: a replay would be refused and revoke its tokens).
-- When a thread has redeemed all its codes it sends "exhausted" codes, which count as bad: give
-- it more codes than it can redeem in the run.
--   wrk -t2 -c16 ... -s bench/load/code-exchange.lua URL/oauth2/token -- BASIC REDIRECT_URI VERIFIER CODES_PREFIX
-- done() prints WRK_RESULT like form-post.lua; bad = not 200 with an access_token.
local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

local queue, next_code = {}, 1
local form

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Accept"] = "application/json"
  wrk.headers["Authorization"] = "Basic " .. args[1]
  form = "grant_type=authorization_code&redirect_uri=" .. args[2] .. "&code_verifier=" .. args[3] .. "&code="
  for line in io.lines(args[4] .. "." .. index) do table.insert(queue, line) end
  bad = 0
  first_bad = nil
end

function request()
  local code = queue[next_code] or "exhausted"
  next_code = next_code + 1
  return wrk.format(nil, nil, nil, form .. code)
end

function response(status, headers, body)
  if status ~= 200 or not body:find('"access_token"', 1, true) then
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
