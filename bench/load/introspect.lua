-- wrk: introspection of one access token, with HTTP Basic client authentication.
--   wrk ... -s bench/load/introspect.lua URL -- BASIC_CREDENTIALS_BASE64 TOKEN
local body, auth
function init(args)
  auth = "Basic " .. args[1]
  body = "token=" .. args[2]
end
function request()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = auth }, body)
end
