#!/usr/bin/env bash
# What bench/paths.sh needs from Keycloak beyond ../shared/bench/peers/keycloak.sh (realm bench,
# confidential client bench-m2m with client_credentials), added through Keycloak's admin REST API
# with curl on a running Keycloak (that script stays as it is):
#   - realm bench: revokeRefreshToken=true, refreshTokenMaxReuse=0, so refresh tokens rotate (a
#     refresh token is good once, as in auth-server; Keycloak's default lets one be reused);
#   - a public client bench-cli with direct access grants (the password grant) on, standard flow off;
#   - a user bench (password bench-password-2026, email and names set so the default user profile
#     asks for nothing more before issuing tokens).
#   - an audience mapper on bench-m2m adding "bench-m2m" to its access tokens' aud: Keycloak 26
#     answers {"active":false} to an introspection by a client that is not in the token's audience
#     (event INTROSPECT_TOKEN_ERROR "Client 'bench-m2m' is not in the token audience"), and
#     bench/paths.sh introspects bench-m2m's client_credentials token as bench-m2m (as for ours).
#     Its tokens grow by ~12 bytes (aud ["bench-m2m","account"] instead of "account").
#
#   bench/peers/keycloak-paths.sh configure        idempotent
#   bench/peers/keycloak-paths.sh refresh-token    a password grant for user bench; prints the refresh token
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "${BENCH_SHARED:-$HERE/../../../shared/bench}/lib.sh"

BASE="http://127.0.0.1:${KEYCLOAK_PORT:-8180}"
REALM=bench
TOKEN_URL="$BASE/realms/$REALM/protocol/openid-connect/token"
USER=bench PASSWORD=bench-password-2026

admin_token() {
  curl -sf -m 10 -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$BASE/realms/master/protocol/openid-connect/token" | jq -r .access_token
}

configure() {
  local h id uid
  h="Authorization: Bearer $(admin_token)"
  curl -sf -m 30 -X PUT -H "$h" -H 'Content-Type: application/json' \
    -d '{"revokeRefreshToken":true,"refreshTokenMaxReuse":0}' "$BASE/admin/realms/$REALM" >/dev/null
  local client='{"clientId":"bench-cli","enabled":true,"protocol":"openid-connect","publicClient":true,
    "directAccessGrantsEnabled":true,"standardFlowEnabled":false,"implicitFlowEnabled":false,
    "serviceAccountsEnabled":false}'
  id=$(curl -sf -m 10 -H "$h" "$BASE/admin/realms/$REALM/clients?clientId=bench-cli" | jq -r '.[0].id // empty')
  if [ -z "$id" ]; then
    log "keycloak: creating public client bench-cli (direct access grants)"
    curl -sf -m 30 -H "$h" -H 'Content-Type: application/json' -d "$client" "$BASE/admin/realms/$REALM/clients" >/dev/null
  else
    curl -sf -m 30 -X PUT -H "$h" -H 'Content-Type: application/json' -d "$client" "$BASE/admin/realms/$REALM/clients/$id" >/dev/null
  fi
  uid=$(curl -sf -m 10 -H "$h" "$BASE/admin/realms/$REALM/users?username=$USER&exact=true" | jq -r '.[0].id // empty')
  if [ -z "$uid" ]; then
    log "keycloak: creating user $USER"
    curl -sf -m 30 -H "$h" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$USER\",\"enabled\":true,\"email\":\"bench@example.test\",\"emailVerified\":true,
           \"firstName\":\"Bench\",\"lastName\":\"User\",\"requiredActions\":[]}" "$BASE/admin/realms/$REALM/users" >/dev/null
    uid=$(curl -sf -m 10 -H "$h" "$BASE/admin/realms/$REALM/users?username=$USER&exact=true" | jq -r '.[0].id')
  fi
  curl -sf -m 30 -X PUT -H "$h" -H 'Content-Type: application/json' \
    -d "{\"type\":\"password\",\"value\":\"$PASSWORD\",\"temporary\":false}" \
    "$BASE/admin/realms/$REALM/users/$uid/reset-password" >/dev/null
  local m2m
  m2m=$(curl -sf -m 10 -H "$h" "$BASE/admin/realms/$REALM/clients?clientId=$BENCH_CLIENT_ID" | jq -r '.[0].id')
  if ! curl -sf -m 10 -H "$h" "$BASE/admin/realms/$REALM/clients/$m2m/protocol-mappers/models" \
      | jq -e '.[] | select(.name == "bench-introspection-audience")' >/dev/null; then
    log "keycloak: adding audience $BENCH_CLIENT_ID to $BENCH_CLIENT_ID's access tokens"
    curl -sf -m 30 -H "$h" -H 'Content-Type: application/json' -d "{\"name\":\"bench-introspection-audience\",
      \"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{
      \"included.client.audience\":\"$BENCH_CLIENT_ID\",\"access.token.claim\":\"true\",
      \"id.token.claim\":\"false\",\"introspection.token.claim\":\"true\"}}" \
      "$BASE/admin/realms/$REALM/clients/$m2m/protocol-mappers/models" >/dev/null
  fi
  refresh_token >/dev/null || die "keycloak: no refresh token from the password grant after configuring"
}

refresh_token() {
  curl -s -m 30 -d grant_type=password -d client_id=bench-cli -d "username=$USER" -d "password=$PASSWORD" \
    "$TOKEN_URL" | jq -e -r '.refresh_token | strings'
}

case "${1:-configure}" in
  configure) configure ;;
  refresh-token) refresh_token ;;
  *) die "usage: $0 [configure|refresh-token]" ;;
esac
