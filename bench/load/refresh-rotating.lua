-- wrk: rotating refresh_token grant for a public client (client_id in the form, no client
-- authentication), for every bench script (run.sh, paths.sh, ab.sh, cluster.sh): each thread takes
-- TOKENS_PER_THREAD refresh tokens from TOKENS_FILE (one per line), every request presents an
-- unused one and every 200 answer queues the refresh token it brings, so each token is sent once
-- (a replay would revoke the token family on every server here). Give each thread one token more
-- than it has connections (wrk calls request() once per thread before connecting and never
-- sends that request). A failed refresh loses its chain: later requests of that thread then
-- send "exhausted" and count as bad.
--   wrk -t2 -c16 ... -s bench/load/refresh-rotating.lua URL -- CLIENT_ID TOKENS_FILE TOKENS_PER_THREAD
-- done() prints WRK_RESULT like form-post.lua; bad = not 200 or no new refresh_token.
local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "wrk-result.lua")
function setup(thread) result.setup(thread) end

local queue = {}
local client_id

function init(args)
  client_id = args[1]
  local per_thread = tonumber(args[3])
  local line_no = 0
  for line in io.lines(args[2]) do
    line_no = line_no + 1
    if math.floor((line_no - 1) / per_thread) + 1 == index then table.insert(queue, line) end
  end
  result.start()
end

function request()
  local token = table.remove(queue, 1) or "exhausted"
  return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json" },
    "grant_type=refresh_token&client_id=" .. client_id .. "&refresh_token=" .. token)
end

function response(status, headers, body)
  local token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
  if status == 200 and token then
    table.insert(queue, token)
  else
    result.bad(status .. " " .. body:sub(1, 200))
  end
end

function done(summary, latency, requests) result.done(summary, latency) end
