-- wrk: GET with a bearer token (resource-api's /api/me).
--   wrk ... -s bench/load/api-me.lua URL -- ACCESS_TOKEN
local headers
function init(args)
  headers = { ["Authorization"] = "Bearer " .. args[1] }
end
function request()
  return wrk.format("GET", nil, headers, nil)
end
