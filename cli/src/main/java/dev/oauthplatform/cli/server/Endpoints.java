package dev.oauthplatform.cli.server;

import java.io.IOException;
import java.net.URI;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

import dev.oauthplatform.cli.support.CliException;

/** Where an authorization server takes each request, from its discovery document. */
public record Endpoints(String issuer, URI token, URI revocation, URI deviceAuthorization) {

	private static final int TIMEOUT_MILLIS = 10_000;

	/**
	 * OpenID Connect discovery first, RFC 8414 metadata when the server has none: both check that
	 * the document names {@code issuer} itself, so a misconfigured URL cannot redirect the tokens.
	 */
	public static Endpoints discover(String issuer) {
		Issuer id = new Issuer(issuer);
		AuthorizationServerMetadata metadata;
		try {
			metadata = OIDCProviderMetadata.resolve(id, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
		}
		catch (GeneralException | IOException notOpenIdConnect) {
			// the SDK reports a 404 as an IOException too: only a network failure ends it here
			Unreachable.rethrowIfNetwork(issuer, notOpenIdConnect);
			metadata = oauthMetadata(id);
		}
		if (metadata.getTokenEndpointURI() == null) {
			throw new CliException(issuer + " announces no token endpoint in its discovery document");
		}
		return new Endpoints(issuer, metadata.getTokenEndpointURI(), metadata.getRevocationEndpointURI(),
				metadata.getDeviceAuthorizationEndpointURI());
	}

	private static AuthorizationServerMetadata oauthMetadata(Issuer issuer) {
		try {
			return AuthorizationServerMetadata.resolve(issuer, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
		}
		catch (GeneralException | IOException ex) {
			Unreachable.rethrowIfNetwork(issuer.getValue(), ex);
			throw new CliException(issuer + " did not answer as an OAuth 2.0 authorization server (no discovery"
					+ " document at /.well-known/openid-configuration or /.well-known/oauth-authorization-server: "
					+ ex.getMessage() + ")", ex);
		}
	}

}
