package dev.oauthplatform.admin.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.BindParam;

import dev.oauthplatform.admin.posture.ClientSettings;

/** Step 2 of the wizard, with the admin API's field names. Unchecked checkboxes arrive as null. */
record RegistrationForm(@BindParam("client_type") String clientType, @BindParam("client_name") String clientName,
		@BindParam("client_id") String clientId, @BindParam("redirect_uris") String redirectUris, String scope,
		@BindParam("first_party") Boolean firstParty, @BindParam("require_pkce") Boolean requirePkce,
		Boolean confidential, @BindParam("post_logout_redirect_uris") String postLogoutRedirectUris,
		@BindParam("resource_server") Boolean resourceServer, @BindParam("sign_in") String signIn) {

	/** How a native app's or a command-line tool's users sign in: in a browser on that device (code + PKCE). */
	static final String SIGN_IN_BROWSER = "browser";

	/** With a code shown on the device and approved in a browser elsewhere (the device grant). */
	static final String SIGN_IN_DEVICE = "device";

	/** By giving the tool their password (the password grant, legacy). */
	static final String SIGN_IN_PASSWORD = "password";

	/**
	 * A new form for the type; a command-line tool signs in with the device grant when auth-server
	 * offers it, with the password grant otherwise; a native app in the browser.
	 */
	static RegistrationForm empty(ClientType type, boolean deviceGrantOffered) {
		String signIn = switch (type) {
			case CLI -> deviceGrantOffered ? SIGN_IN_DEVICE : SIGN_IN_PASSWORD;
			case NATIVE -> SIGN_IN_BROWSER;
			default -> null;
		};
		return new RegistrationForm(type.id(), "", "", "", "", false, true, false, "", false, signIn);
	}

	ClientType type() {
		return ClientType.of(this.clientType);
	}

	/** A command-line tool or native app whose users approve it from another device (RFC 8628). */
	public boolean deviceCode() {
		ClientType type = type();
		return (type == ClientType.CLI || type == ClientType.NATIVE) && SIGN_IN_DEVICE.equals(this.signIn);
	}

	List<String> redirectUriList() {
		return FormLines.lines(this.redirectUris);
	}

	List<String> postLogoutRedirectUriList() {
		return FormLines.lines(this.postLogoutRedirectUris);
	}

	/**
	 * Only what the type needs: everything else takes the type's defaults at auth-server (without
	 * a sign-in choice, a command-line tool gets auth-server's default, the password grant). A
	 * confidential command-line tool authenticates with the first client secret method auth-server
	 * announces (discovery's {@code token_endpoint_auth_methods_supported}); none is put when
	 * none is known.
	 */
	Map<String, Object> metadata(List<String> tokenEndpointAuthMethodsSupported) {
		ClientType type = type();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("client_type", type.id());
		metadata.put("client_name", this.clientName);
		if (this.clientId != null && !this.clientId.isBlank()) {
			metadata.put("client_id", this.clientId.strip());
		}
		metadata.put("scope", (this.scope != null) ? this.scope.strip() : "");
		metadata.put("first_party", Boolean.TRUE.equals(this.firstParty));
		if (type.redirects() && !deviceCode()) {
			metadata.put("redirect_uris", redirectUriList());
			metadata.put("post_logout_redirect_uris", postLogoutRedirectUriList());
		}
		if (deviceCode()) {
			// no browser flow on the device: no redirect URIs, even if some were typed before choosing
			metadata.put("grant_types", List.of(ClientSettings.DEVICE_CODE_GRANT, "refresh_token"));
		}
		if (type == ClientType.CLI && SIGN_IN_PASSWORD.equals(this.signIn)) {
			metadata.put("grant_types", List.of("password", "refresh_token"));
		}
		if (type == ClientType.WEB) {
			metadata.put("require_pkce", Boolean.TRUE.equals(this.requirePkce));
		}
		if (type == ClientType.M2M) {
			metadata.put("resource_server", Boolean.TRUE.equals(this.resourceServer));
		}
		if (type == ClientType.CLI && !Boolean.TRUE.equals(this.confidential)) {
			metadata.put("token_endpoint_auth_method", "none");
		}
		if (type == ClientType.CLI && Boolean.TRUE.equals(this.confidential)) {
			tokenEndpointAuthMethodsSupported.stream()
				.filter((method) -> method.startsWith("client_secret_"))
				.findFirst()
				.ifPresent((method) -> metadata.put("token_endpoint_auth_method", method));
		}
		return metadata;
	}

}
