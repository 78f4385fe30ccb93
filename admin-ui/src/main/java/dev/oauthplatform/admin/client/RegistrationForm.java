package dev.oauthplatform.admin.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.BindParam;

/** Step 2 of the wizard, with the admin API's field names. Unchecked checkboxes arrive as null. */
record RegistrationForm(@BindParam("client_type") String clientType, @BindParam("client_name") String clientName,
		@BindParam("client_id") String clientId, @BindParam("redirect_uris") String redirectUris, String scope,
		@BindParam("first_party") Boolean firstParty, @BindParam("require_pkce") Boolean requirePkce,
		Boolean confidential, @BindParam("post_logout_redirect_uris") String postLogoutRedirectUris,
		@BindParam("resource_server") Boolean resourceServer) {

	static RegistrationForm empty(ClientType type) {
		return new RegistrationForm(type.id(), "", "", "", "", false, true, false, "", false);
	}

	ClientType type() {
		return ClientType.of(this.clientType);
	}

	List<String> redirectUriList() {
		return FormLines.lines(this.redirectUris);
	}

	List<String> postLogoutRedirectUriList() {
		return FormLines.lines(this.postLogoutRedirectUris);
	}

	/**
	 * Only what the type needs: everything else takes the type's defaults at auth-server. A
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
		if (type.redirects()) {
			metadata.put("redirect_uris", redirectUriList());
			metadata.put("post_logout_redirect_uris", postLogoutRedirectUriList());
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
