-- wrk: client_credentials token requests with HTTP Basic client authentication.
--   wrk ... -s bench/load/token-cc.lua URL -- BASIC_CREDENTIALS_BASE64
local auth
function init(args)
  auth = "Basic " .. args[1]
end
function request()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = auth }, "grant_type=client_credentials")
end
