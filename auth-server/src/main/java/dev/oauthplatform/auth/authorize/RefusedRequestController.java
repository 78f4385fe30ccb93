package dev.oauthplatform.auth.authorize;

import dev.oauthplatform.auth.page.ErrorPage;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page {@link ErrorPage} forwards to: what is wrong, in words, and what the developer should check. */
@Controller
class RefusedRequestController {

	private final RegisteredClientRepository clients;

	RefusedRequestController(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@RequestMapping(ErrorPage.PATH)
	String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
		OAuth2Error error = ErrorPage.refusal(request);
		if (error == null) {
			error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		Function<String, String[]> parameters = parameters(request);
		model.addAttribute("refusal", RefusedRequest.explain(error, parameters, client(parameters)));
		return "authorize/refused";
	}

	private RegisteredClient client(Function<String, String[]> parameters) {
		String[] clientIds = parameters.apply("client_id");
		return (clientIds != null && clientIds.length == 1) ? this.clients.findByClientId(clientIds[0]) : null;
	}

	/** The request's parameters, or none when they cannot be decoded (one of the errors shown here). */
	private static Function<String, String[]> parameters(HttpServletRequest request) {
		try {
			request.getParameterMap();
			return request::getParameterValues;
		}
		catch (IllegalStateException ex) {
			return (name) -> null;
		}
	}

}
