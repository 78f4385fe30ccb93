package dev.oauthplatform.admin.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.oauthplatform.admin.activity.ClientActivity;
import dev.oauthplatform.admin.api.ServerMetadata;
import dev.oauthplatform.admin.posture.Posture;
import dev.oauthplatform.admin.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One client: its details, posture and latest activity, edit, enable or disable, the posture fixes, delete. */
@Controller
class ClientController {

	private final ClientsApi clients;

	private final ServerMetadata server;

	private final ClientActivity activity;

	ClientController(ClientsApi clients, ServerMetadata server, ClientActivity activity) {
		this.clients = clients;
		this.server = server;
		this.activity = activity;
	}

	@GetMapping("/clients/{clientId}")
	String show(@PathVariable String clientId, Model model) {
		ClientDetails client = this.clients.get(clientId);
		model.addAttribute("client", client);
		model.addAttribute("posture", Posture.of(client, this.server.grantTypesSupported().orElse(List.of())));
		model.addAttribute("authorizations", this.clients.authorizations(clientId));
		model.addAttribute("activity", this.activity.latest(clientId));
		return "clients/detail";
	}

	/** Its refresh and access tokens stop working at once. */
	@PostMapping("/clients/{clientId}/authorizations/{authorizationId}/revoke")
	String revokeAuthorization(@PathVariable String clientId, @PathVariable String authorizationId,
			RedirectAttributes flash) {
		this.clients.revokeAuthorization(clientId, authorizationId);
		Flash.success(flash, "Authorization revoked: its tokens no longer work.");
		return "redirect:/clients/" + clientId;
	}

	@PostMapping("/clients/{clientId}")
	String edit(@PathVariable String clientId, @RequestParam("client_name") String name,
			@RequestParam(name = "redirect_uris", defaultValue = "") String redirectUris,
			@RequestParam(name = "post_logout_redirect_uris", defaultValue = "") String postLogoutRedirectUris,
			@RequestParam(name = "allowed_cors_origins", defaultValue = "") String allowedCorsOrigins,
			@RequestParam(defaultValue = "") String scope,
			@RequestParam(name = "first_party", defaultValue = "false") boolean firstParty,
			@RequestParam(name = "require_pkce", required = false) Boolean requirePkce,
			@RequestParam(name = "resource_server", defaultValue = "false") boolean resourceServer,
			@RequestParam(required = false) String audiences,
			@RequestParam(name = "access_token_ttl") int accessTokenTtl, RedirectAttributes flash) {
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("client_name", name);
		changes.put("scope", scope.strip());
		changes.put("first_party", firstParty);
		changes.put("access_token_ttl", accessTokenTtl);
		ClientDetails current = this.clients.get(clientId);
		if (current.type().redirects()) {
			changes.put("redirect_uris", FormLines.lines(redirectUris));
			changes.put("post_logout_redirect_uris", FormLines.lines(postLogoutRedirectUris));
		}
		if (current.type().runsInBrowsers()) {
			changes.put("allowed_cors_origins", FormLines.lines(allowedCorsOrigins));
		}
		if (!current.isPublic() && current.hasGrant("authorization_code")) {
			changes.put("require_pkce", Boolean.TRUE.equals(requirePkce));
		}
		if (!current.isPublic()) {
			changes.put("resource_server", resourceServer);
		}
		if (audiences != null) {
			changes.put("audiences", FormLines.lines(audiences));
		}
		this.clients.change(clientId, changes);
		Flash.success(flash, "Saved. The change applies to the client's next request.");
		return "redirect:/clients/" + clientId;
	}

	@PostMapping("/clients/{clientId}/enabled")
	String enable(@PathVariable String clientId, @RequestParam boolean enabled, RedirectAttributes flash) {
		this.clients.change(clientId, Map.of("enabled", enabled));
		Flash.success(flash, enabled ? "Enabled." : "Disabled: the token endpoint refuses it and its tokens "
				+ "introspect as inactive until it is enabled again.");
		return "redirect:/clients/" + clientId;
	}

	@PostMapping("/clients/{clientId}/fix/{rule}")
	String fix(@PathVariable String clientId, @PathVariable String rule, RedirectAttributes flash) {
		Map<String, Object> change = Posture.fix(rule)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No one-click fix for '" + rule + "'"));
		this.clients.change(clientId, change);
		Flash.success(flash, "Fixed: " + describe(change) + ".");
		return "redirect:/clients/" + clientId + "#posture";
	}

	@GetMapping("/clients/{clientId}/delete")
	String confirmDelete(@PathVariable String clientId, Model model) {
		model.addAttribute("client", this.clients.get(clientId));
		return "clients/delete";
	}

	@PostMapping("/clients/{clientId}/delete")
	String delete(@PathVariable String clientId, RedirectAttributes flash) {
		this.clients.delete(clientId);
		Flash.success(flash, "Client '" + clientId + "' deleted, with every authorization and consent given to it.");
		return "redirect:/clients";
	}

	private static String describe(Map<String, Object> change) {
		return change.entrySet().stream().map((e) -> e.getKey() + " = " + e.getValue()).reduce((a, b) -> a + ", " + b)
			.orElse("");
	}

}
