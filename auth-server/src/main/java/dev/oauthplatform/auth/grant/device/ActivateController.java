package dev.oauthplatform.auth.grant.device;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.oauthplatform.auth.scope.ScopeDescriptions;

import static dev.oauthplatform.auth.grant.device.DeviceVerification.Found;
import static dev.oauthplatform.auth.grant.device.DeviceVerification.Lookup;
import static dev.oauthplatform.auth.grant.device.DeviceVerification.OutOfTries;
import static dev.oauthplatform.auth.grant.device.DeviceVerification.Pending;

/**
 * The verification page (RFC 8628 §3.3), for signed-in users: type the code (or find it filled
 * in, arriving from {@code verification_uri_complete}), then always confirm, seeing the application, what it
 * may do and the code, even for a first-party client (§5.4: a code can be sent to a victim by
 * someone at another device). Approve or Deny, then a page that sends the user back to the device.
 */
@Controller
class ActivateController {

	static final String PATH = "/activate";

	private static final String NOT_FOUND = "That code is not valid: it may be mistyped, expired or already used. "
			+ "Check the code your device shows, or start again on the device for a new one.";

	private final DeviceVerification verification;

	private final ScopeDescriptions scopes;

	ActivateController(DeviceVerification verification, ScopeDescriptions scopes) {
		this.verification = verification;
		this.scopes = scopes;
	}

	/**
	 * The code entry, filled in when the user arrives from {@code verification_uri_complete}. Not
	 * looked up yet: that takes the form's POST, so another site cannot spend the user's tries
	 * (every look-up counts) by sending their browser here with wrong codes.
	 */
	@GetMapping(PATH)
	String enter(@RequestParam(name = "user_code", required = false) String userCode, Model model) {
		model.addAttribute("typed", (userCode != null && userCode.length() <= 20) ? userCode : "");
		return "activate/enter";
	}

	@PostMapping(PATH)
	String decide(@RequestParam(name = "user_code", defaultValue = "") String userCode,
			@RequestParam(name = "decision", required = false) String decision, Authentication user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (decision == null) {
			return confirm(userCode, user, model, request, response);
		}
		Lookup lookup = this.verification.find(userCode, user);
		if (!(lookup instanceof Found found)) {
			return problem(lookup, userCode, model, response);
		}
		try {
			if ("approve".equals(decision)) {
				this.verification.approve(found.pending(), user);
				return "redirect:" + PATH + "/done?result=approved";
			}
			this.verification.deny(found.pending(), user);
			return "redirect:" + PATH + "/done?result=denied";
		}
		catch (OAuth2AuthenticationException ex) {
			// the request changed meanwhile (the device's code expired, or another tab decided)
			return problem(new DeviceVerification.NotFound(), userCode, model, response);
		}
	}

	@GetMapping(PATH + "/done")
	String done(@RequestParam(name = "result", defaultValue = "approved") String result, Model model) {
		model.addAttribute("approved", "approved".equals(result));
		return "activate/done";
	}

	private String confirm(String userCode, Authentication user, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Lookup lookup = this.verification.find(userCode, user);
		if (!(lookup instanceof Found found)) {
			return problem(lookup, userCode, model, response);
		}
		Pending pending = found.pending();
		model.addAttribute("appName", pending.client().getClientName());
		model.addAttribute("userCode", pending.userCode());
		model.addAttribute("scopes", this.scopes.describe(pending.scopes()));
		RequestOrigin origin = pending.origin();
		if (origin != null) {
			model.addAttribute("requestedFrom", origin.address());
			model.addAttribute("browserAddress", request.getRemoteAddr());
			model.addAttribute("sameNetwork", origin.sameNetworkAs(request.getRemoteAddr()));
			model.addAttribute("minutesAgo", Duration.between(origin.at(), Instant.now()).toMinutes());
		}
		return "activate/confirm";
	}

	private static String problem(Lookup lookup, String typed, Model model, HttpServletResponse response) {
		model.addAttribute("typed", (typed.length() <= 20) ? typed : "");
		if (lookup instanceof OutOfTries outOfTries) {
			long minutes = Math.max(1, Duration.between(Instant.now(), outOfTries.retryAt()).toMinutes() + 1);
			model.addAttribute("problem", "Too many codes that were not valid. Try again in " + minutes
					+ ((minutes == 1) ? " minute." : " minutes."));
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		}
		else {
			model.addAttribute("problem", NOT_FOUND);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "activate/enter";
	}

}
