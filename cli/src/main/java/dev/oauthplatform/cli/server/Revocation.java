package dev.oauthplatform.cli.server;

import java.net.URI;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;

import dev.oauthplatform.cli.support.CliException;

/**
 * RFC 7009: revokes a refresh token, which ends the session: no new access token comes from it.
 * A public client names itself with client_id in the body (§2.1).
 */
public final class Revocation {

	private Revocation() {
	}

	public static void revoke(URI endpoint, String clientId, String refreshToken) {
		TokenRevocationRequest request = new TokenRevocationRequest(endpoint, new ClientID(clientId),
				new RefreshToken(refreshToken));
		HTTPResponse answer = TokenEndpoint.send(request.toHTTPRequest()::send, endpoint);
		if (answer.indicatesSuccess()) {
			return;
		}
		try {
			throw new Refused("The revocation", TokenErrorResponse.parse(answer).getErrorObject());
		}
		catch (ParseException ex) {
			throw NotOAuth.answer(endpoint, answer, ex);
		}
	}

	/**
	 * Best effort, for a session nobody keeps any more: when the server cannot be asked, the
	 * refresh token still ends when it expires. Nothing to do without a token or an endpoint.
	 */
	public static void revokeQuietly(URI endpoint, String clientId, String refreshToken) {
		if (endpoint == null || refreshToken == null) {
			return;
		}
		try {
			revoke(endpoint, clientId, refreshToken);
		}
		catch (CliException ex) {
			// nothing the user could do about it now
		}
	}

}
