-- wrk: refresh_token requests that follow rotation. Each thread takes TOKENS_PER_THREAD refresh
-- tokens from TOKENS_FILE (one per line) and always sends an unused one, queueing the token each
-- response brings, so no token is ever presented twice (which would revoke its family). Give each
-- thread one more token than it has connections: wrk 4.1 calls request() once per thread before
-- connecting and never sends that request.
--   wrk -t2 -c16 ... -s bench/load/token-refresh.lua URL -- CLIENT_ID TOKENS_FILE TOKENS_PER_THREAD
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

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
end

function request()
  local token = table.remove(queue, 1) or "exhausted"
  return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded" },
    "grant_type=refresh_token&client_id=" .. client_id .. "&refresh_token=" .. token)
end

function response(status, headers, body)
  local token = body:match('"refresh_token":"([^"]+)"')
  if status == 200 and token then table.insert(queue, token) end
end
