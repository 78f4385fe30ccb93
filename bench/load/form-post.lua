-- wrk: one fixed form POST, for any server and path of bench/paths.sh (client_credentials,
-- password grant, introspection), counting as bad every answer that is not 200 or lacks EXPECT.
--   wrk ... -s bench/load/form-post.lua URL -- AUTH BODY EXPECT
-- AUTH: "-" (none) or HTTP Basic credentials already base64-encoded; BODY: the form, already
-- url-encoded; EXPECT: a plain substring every good answer carries (e.g. "access_token" or
-- "active":true). done() prints one line to parse (as ../shared/bench/load/token-cc.lua):
--   WRK_RESULT requests=N duration_s=S rps=R p50_ms=A p90_ms=B p99_ms=C bad=N socket_errors=N
local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "wrk-result.lua")
function setup(thread) result.setup(thread) end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Accept"] = "application/json"
  if args[1] ~= "-" then wrk.headers["Authorization"] = "Basic " .. args[1] end
  wrk.body = args[2]
  expect = args[3]
  result.start()
end

function response(status, headers, body)
  if status ~= 200 or not body:find(expect, 1, true) then
    result.bad(status .. " " .. body:sub(1, 200))
  end
end

function done(summary, latency, requests) result.done(summary, latency) end
