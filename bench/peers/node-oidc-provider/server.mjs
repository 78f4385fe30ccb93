// node-oidc-provider for bench/paths.sh and bench/warmup-curve.sh: the configuration of
// ../shared/bench/peers/node-oidc-provider/server.mjs (client bench-m2m, client_credentials, JWT
// RS256 access tokens for urn:bench:api), unchanged, plus what the refresh and introspection paths
// need (that file is not ours to change, and node-oidc-provider is configured only in code):
//   - a public client bench-cli (authorization_code + PKCE, refresh_token, no client auth), as
//     auth-server's bench-cli; refresh tokens are issued for scope offline_access with
//     prompt=consent (the library default) and rotated on every use (the library default for
//     public clients);
//   - devInteractions (the library's built-in login/consent pages, any login accepted), so
//     bench/paths.sh can run the authorization code flow with curl: oidc-provider has no password
//     grant, refresh tokens come only from the code (or device/CIBA) flows;
//   - a second resource server urn:bench:opaque with opaque access tokens: oidc-provider refuses to
//     introspect JWT access tokens by design (400 unsupported_token_type, "Structured JWT Tokens
//     cannot be introspected"), so its introspection row introspects an opaque token.
// Listens on 127.0.0.1 only. Env: PORT (8280), BENCH_CLIENT_ID, BENCH_CLIENT_SECRET, BENCH_ALG.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT ?? 8280);
const issuer = `http://127.0.0.1:${port}`;
const clientId = process.env.BENCH_CLIENT_ID ?? 'bench-m2m';
const clientSecret = process.env.BENCH_CLIENT_SECRET ?? 'bench-m2m-secret-0123456789abcdef';
const alg = process.env.BENCH_ALG ?? 'RS256';
const resource = 'urn:bench:api';
const opaqueResource = 'urn:bench:opaque';
const scope = 'api:read api:write';

const signingKey = (alg === 'ES256'
  ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
  : generateKeyPairSync('rsa', { modulusLength: 2048 })
).privateKey.export({ format: 'jwk' });

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope,
  }, {
    client_id: 'bench-cli',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/cb'],
    scope: `openid offline_access ${scope}`,
  }],
  scopes: ['openid', 'offline_access', ...scope.split(' ')],
  clientDefaults: { id_token_signed_response_alg: alg },
  jwks: { keys: [{ ...signingKey, kid: `bench-${alg.toLowerCase()}`, alg, use: 'sig' }] },
  cookies: { keys: ['bench-cookie-key-for-dev-interactions'] },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => resource,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (_ctx, indicator) => {
        if (indicator !== resource && indicator !== opaqueResource) throw new Provider.errors.InvalidTarget();
        return {
          scope,
          audience: indicator,
          accessTokenTTL: 300,
          accessTokenFormat: indicator === opaqueResource ? 'opaque' : 'jwt',
          jwt: { sign: { alg } },
        };
      },
    },
  },
});

provider.on('server_error', (_ctx, err) => console.error('server_error', err));

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}, token endpoint ${issuer}/token, jwt ${alg}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
