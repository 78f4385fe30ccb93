-- wrk: password grant requests for a public client (bench-cli), one user. Each request runs the
-- user's bcrypt check: this measures the deliberately slow password hash, not the endpoint.
--   wrk ... -s bench/load/token-password.lua URL -- CLIENT_ID USERNAME PASSWORD
local body
local bad = 0
function init(args)
  body = "grant_type=password&client_id=" .. args[1] .. "&username=" .. args[2] .. "&password=" .. args[3]
end
function request()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
