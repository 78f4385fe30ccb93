package dev.oauthplatform.auth.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import dev.oauthplatform.auth.audit.AuditLog;
import dev.oauthplatform.auth.audit.AuditType;
import dev.oauthplatform.auth.client.OAuthClient;
import dev.oauthplatform.auth.client.OAuthClientRepository;
import dev.oauthplatform.auth.consent.Consent;
import dev.oauthplatform.auth.consent.ConsentRepository;
import dev.oauthplatform.auth.consent.ConsentWithdrawal;
import dev.oauthplatform.auth.scope.DescribedScope;
import dev.oauthplatform.auth.scope.ScopeDescriptions;
import dev.oauthplatform.auth.token.Authorizations;

/**
 * "My connected apps": the applications the signed-in user has authorized (a remembered consent,
 * active grants, or both), and revoking one. Only ever the signed-in user's own.
 */
@Controller
@RequestMapping("/account/apps")
class ConnectedAppsController {

	private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
			Locale.ENGLISH).withZone(ZoneOffset.UTC);

	private final OAuthClientRepository clients;

	private final ConsentRepository consents;

	private final Authorizations authorizations;

	private final ScopeDescriptions scopeDescriptions;

	private final ConsentWithdrawal withdrawal;

	private final AuditLog audit;

	ConnectedAppsController(OAuthClientRepository clients, ConsentRepository consents,
			Authorizations authorizations, ScopeDescriptions scopeDescriptions, ConsentWithdrawal withdrawal, AuditLog audit) {
		this.clients = clients;
		this.consents = consents;
		this.authorizations = authorizations;
		this.scopeDescriptions = scopeDescriptions;
		this.withdrawal = withdrawal;
		this.audit = audit;
	}

	@GetMapping
	@Transactional(readOnly = true)
	String list(Authentication user, Model model) {
		Map<String, Holdings> byClient = new LinkedHashMap<>();
		for (Consent consent : this.consents.findByPrincipalName(user.getName())) {
			byClient.computeIfAbsent(consent.getRegisteredClientId(), (id) -> new Holdings()).consent = consent;
		}
		for (Authorizations.Summary grant : this.authorizations.activeOfUser(user.getName())) {
			byClient.computeIfAbsent(grant.registeredClientId(), (id) -> new Holdings()).grants.add(grant);
		}
		List<ConnectedApp> apps = new ArrayList<>();
		byClient.forEach((registeredClientId, holdings) -> this.clients.findById(registeredClientId)
			.ifPresent((client) -> apps.add(connectedApp(client, holdings))));
		apps.sort(Comparator.comparing(ConnectedApp::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(ConnectedApp::clientId));
		model.addAttribute("apps", apps);
		return "account/apps";
	}

	/**
	 * Forgets the consent and revokes every grant of this user with the client, in one transaction:
	 * the client's refresh tokens stop working, and its next sign-in asks for consent again.
	 */
	@PostMapping("/{clientId}/revoke")
	@Transactional
	RedirectView revoke(@PathVariable String clientId, Authentication user, RedirectAttributes redirect) {
		OAuthClient client = this.clients.findByClientId(clientId).orElse(null);
		boolean revoked = client != null && this.withdrawal.withdraw(user.getName(), client.getId());
		if (revoked) {
			this.audit.recordOfUser(AuditType.CONSENT_REVOKED, user.getName(), Map.of("client_id", clientId));
			redirect.addFlashAttribute("flashMessage", name(client) + " no longer has access.");
			redirect.addFlashAttribute("flashKind", "success");
		}
		else {
			redirect.addFlashAttribute("flashMessage",
					"Nothing to revoke: that application has no access to your account.");
			redirect.addFlashAttribute("flashKind", "error");
		}
		RedirectView view = new RedirectView("/account/apps", true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return view;
	}

	/** What each scope lets the application do, one sentence per scope, as the consent page said it. */
	private List<DescribedScope> scopeLines(Set<String> scopes) {
		return this.scopeDescriptions.describe(scopes);
	}

	private ConnectedApp connectedApp(OAuthClient client, Holdings holdings) {
		Set<String> scopes = new TreeSet<>();
		List<Instant> authorizedAt = new ArrayList<>();
		if (holdings.consent != null) {
			scopes.addAll(holdings.consent.getScopes());
			authorizedAt.add(holdings.consent.getGrantedAt());
		}
		holdings.grants.forEach((grant) -> {
			scopes.addAll(grant.scopes());
			authorizedAt.add(grant.createdAt());
		});
		// a re-consent (more scopes) rewrites granted_at: the oldest grant may be older still
		Instant firstAuthorized = authorizedAt.stream().filter(Objects::nonNull).min(Comparator.naturalOrder())
			.orElse(null);
		Instant lastUsed = holdings.grants.stream()
			.map(Authorizations.Summary::lastUsedAt)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
		return new ConnectedApp(client.getClientId(), name(client), scopeLines(scopes), Moment.of(firstAuthorized),
				Moment.of(lastUsed));
	}

	private static String name(OAuthClient client) {
		String name = client.getClientName();
		return (name != null && !name.isBlank()) ? name : client.getClientId();
	}

	/** What a user gave one client. */
	private static final class Holdings {

		Consent consent;

		final List<Authorizations.Summary> grants = new ArrayList<>();

	}

	/** One application as the page shows it: no token, no grant id. */
	record ConnectedApp(String clientId, String name, List<DescribedScope> scopeLines, Moment firstAuthorized,
			Moment lastUsed) {
	}

	/** An instant for {@code <time datetime>} (ISO 8601, UTC) and for reading. */
	record Moment(String iso, String readable) {

		static Moment of(Instant instant) {
			if (instant == null) {
				return null;
			}
			Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
			return new Moment(seconds.toString(), READABLE.format(seconds));
		}

	}

}
