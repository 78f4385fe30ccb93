-- wrk: the authorization code grant of a confidential client (client_secret_basic, PKCE), for
-- bench/paths.sh: thread N redeems the codes of CODES_PREFIX.N (written by load/authorize-codes.lua),
-- each once, in order (a code is single-use: a replay would be refused and revoke its tokens).
-- When a thread has redeemed all its codes it sends "exhausted" codes, which count as bad: give
-- it more codes than it can redeem in the run.
--   wrk -t2 -c16 ... -s bench/load/code-exchange.lua URL/oauth2/token -- BASIC REDIRECT_URI VERIFIER CODES_PREFIX
-- done() prints WRK_RESULT like form-post.lua; bad = not 200 with an access_token.
local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "wrk-result.lua")
function setup(thread) result.setup(thread) end

local queue, next_code = {}, 1
local form

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Accept"] = "application/json"
  wrk.headers["Authorization"] = "Basic " .. args[1]
  form = "grant_type=authorization_code&redirect_uri=" .. args[2] .. "&code_verifier=" .. args[3] .. "&code="
  for line in io.lines(args[4] .. "." .. index) do table.insert(queue, line) end
  result.start()
end

function request()
  local code = queue[next_code] or "exhausted"
  next_code = next_code + 1
  return wrk.format(nil, nil, nil, form .. code)
end

function response(status, headers, body)
  if status ~= 200 or not body:find('"access_token"', 1, true) then
    result.bad(status .. " " .. body:sub(1, 200))
  end
end

function done(summary, latency, requests) result.done(summary, latency) end
