-- wrk: the authorization endpoint for a signed-in user whose consent is not asked (first-party
-- client), for bench/paths.sh's code rows: every request is the same GET (the URL given to wrk,
-- PKCE S256 with one fixed challenge), sent with the session cookie of one sign-in; every 302 to
-- the redirect_uri with a code counts as good, and the code is appended to CODES_PREFIX.N (N = the
-- wrk thread, from 1), one a line, for load/code-exchange.lua to redeem.
--   wrk -t2 -c16 ... -s bench/load/authorize-codes.lua 'URL/oauth2/authorize?...' -- COOKIE CODES_PREFIX
-- done() prints WRK_RESULT like form-post.lua; bad = not a 302 carrying a code.
local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "wrk-result.lua")
function setup(thread) result.setup(thread) end

local codes

function init(args)
  wrk.headers["Cookie"] = args[1]
  codes = assert(io.open(args[2] .. "." .. index, "w"))
  codes:setvbuf("line")   -- wrk never closes a thread's files: each line reaches the file at once
  result.start()
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  local code = location:match("[?&]code=([^&]+)")
  if status == 302 and code then
    codes:write(code, "\n")
  else
    result.bad(status .. " " .. location:sub(1, 200) .. " " .. body:sub(1, 200))
  end
end

function done(summary, latency, requests) result.done(summary, latency) end
