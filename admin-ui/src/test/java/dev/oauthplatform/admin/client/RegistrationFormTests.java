package dev.oauthplatform.admin.client;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationFormTests {

	/** auth-server's token_endpoint_auth_methods_supported. */
	private static final List<String> ANNOUNCED = List.of("client_secret_basic", "client_secret_post", "none");

	@Test
	void webClientSendsRedirectUrisAndPkceChoice() {
		RegistrationForm form = new RegistrationForm("web", "Shop", "", "https://shop.example.com/cb\n", "openid", null,
				null, null, "\n https://shop.example.com/bye \n\n", null, null);
		assertThat(form.metadata(ANNOUNCED)).containsEntry("client_type", "web")
			.containsEntry("redirect_uris", java.util.List.of("https://shop.example.com/cb"))
			.containsEntry("post_logout_redirect_uris", java.util.List.of("https://shop.example.com/bye"))
			.containsEntry("require_pkce", false)
			.containsEntry("first_party", false)
			.doesNotContainKeys("client_id", "token_endpoint_auth_method");
	}

	@Test
	void machineClientSendsNoRedirectUris() {
		RegistrationForm form = new RegistrationForm("m2m", "Job", "billing-job", "", "billing.read", true, null,
				null, null, null, null);
		assertThat(form.metadata(ANNOUNCED)).containsEntry("client_id", "billing-job")
			.containsEntry("resource_server", false)
			.doesNotContainKeys("redirect_uris", "post_logout_redirect_uris", "require_pkce");
	}

	@Test
	void anApisOwnMachineClientMayBeMarkedAResourceServer() {
		RegistrationForm form = new RegistrationForm("m2m", "Notes API", "", "", "", true, null, null, null, true, null);
		assertThat(form.metadata(ANNOUNCED)).containsEntry("resource_server", true);
		assertThat(new RegistrationForm("web", "Shop", "", "https://shop.example.com/cb", "", null, true, null, null,
				true, null).metadata(ANNOUNCED)).doesNotContainKey("resource_server");
	}

	@Test
	void commandLineToolIsPublicUnlessAskedOtherwise() {
		assertThat(new RegistrationForm("cli", "Tool", "", "", "", null, null, null, null, null, null).metadata(ANNOUNCED))
			.containsEntry("token_endpoint_auth_method", "none");
		assertThat(new RegistrationForm("cli", "Tool", "", "", "", null, null, true, null, null, null).metadata(ANNOUNCED))
			.containsEntry("token_endpoint_auth_method", "client_secret_basic");
	}

	@Test
	void aToolThatSignsInWithADeviceCodeAsksForTheDeviceGrantAndRefreshTokens() {
		RegistrationForm form = new RegistrationForm("cli", "Tool", "", "", "notes.read", null, null, null, null, null,
				"device");
		assertThat(form.metadata(ANNOUNCED))
			.containsEntry("grant_types", List.of("urn:ietf:params:oauth:grant-type:device_code", "refresh_token"))
			.containsEntry("token_endpoint_auth_method", "none")
			.doesNotContainKeys("redirect_uris", "post_logout_redirect_uris");
		assertThat(new RegistrationForm("cli", "Tool", "", "", "", null, null, null, null, null, "password")
			.metadata(ANNOUNCED)).containsEntry("grant_types", List.of("password", "refresh_token"));
	}

	@Test
	void aNativeAppOnADeviceWithoutABrowserSendsTheDeviceGrantAndNoRedirectUris() {
		RegistrationForm tv = new RegistrationForm("native", "TV app", "", "com.example.tv:/cb", "", null, null, null,
				"com.example.tv:/bye", null, "device");
		assertThat(tv.metadata(ANNOUNCED))
			.containsEntry("grant_types", List.of("urn:ietf:params:oauth:grant-type:device_code", "refresh_token"))
			.doesNotContainKeys("redirect_uris", "post_logout_redirect_uris");
		RegistrationForm phone = new RegistrationForm("native", "Phone app", "", "com.example.app:/cb", "", null, null,
				null, null, null, "browser");
		assertThat(phone.metadata(ANNOUNCED)).containsEntry("redirect_uris", List.of("com.example.app:/cb"))
			.doesNotContainKey("grant_types");
	}

	@Test
	void aNewToolFormChoosesTheDeviceGrantOnlyWhenAuthServerOffersIt() {
		assertThat(RegistrationForm.empty(ClientType.CLI, true).signIn()).isEqualTo("device");
		assertThat(RegistrationForm.empty(ClientType.CLI, false).signIn()).isEqualTo("password");
		assertThat(RegistrationForm.empty(ClientType.NATIVE, true).deviceCode()).isFalse();
	}

	@Test
	void onlyToolsAndNativeAppsSignInWithADeviceCode() {
		assertThat(new RegistrationForm("spa", "Shop", "", "https://shop.example.com/cb", "", null, null, null, null,
				null, "device").metadata(ANNOUNCED)).containsKey("redirect_uris").doesNotContainKey("grant_types");
	}

	@Test
	void aConfidentialToolTakesTheFirstSecretMethodTheServerAnnounces() {
		RegistrationForm confidential = new RegistrationForm("cli", "Tool", "", "", "", null, null, true, null, null, null);
		assertThat(confidential.metadata(List.of("none", "private_key_jwt", "client_secret_post")))
			.containsEntry("token_endpoint_auth_method", "client_secret_post");
		assertThat(confidential.metadata(List.of())).doesNotContainKey("token_endpoint_auth_method");
	}

}
