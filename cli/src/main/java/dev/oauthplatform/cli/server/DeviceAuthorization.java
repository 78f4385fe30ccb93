package dev.oauthplatform.cli.server;

import java.net.URI;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;

import dev.oauthplatform.cli.support.CliException;

/** RFC 8628 §3.1-3.2: asks for a device code and the user code a person confirms in a browser. */
public final class DeviceAuthorization {

	private DeviceAuthorization() {
	}

	public static DeviceAuthorizationSuccessResponse request(Endpoints endpoints, String clientId, String scope) {
		URI endpoint = endpoints.deviceAuthorization();
		if (endpoint == null) {
			throw new CliException(endpoints.issuer() + " does not offer the device flow (no"
					+ " device_authorization_endpoint in its discovery document): try --password");
		}
		DeviceAuthorizationRequest request = new DeviceAuthorizationRequest(endpoint, new ClientID(clientId),
				(scope != null) ? Scope.parse(scope) : null);
		HTTPResponse answer = TokenEndpoint.send(request.toHTTPRequest()::send, endpoint);
		DeviceAuthorizationResponse response;
		try {
			response = DeviceAuthorizationResponse.parse(answer);
		}
		catch (ParseException ex) {
			throw NotOAuth.answer(endpoint, answer, ex);
		}
		if (!response.indicatesSuccess()) {
			throw new Refused("The device authorization request", response.toErrorResponse().getErrorObject());
		}
		return response.toSuccessResponse();
	}

}
