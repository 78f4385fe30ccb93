package dev.oauthplatform.cli.server;

import java.net.URI;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

import dev.oauthplatform.cli.support.CliException;

/** An answer that is no OAuth answer at all: a proxy's error page, a web server's 404. */
final class NotOAuth {

	private NotOAuth() {
	}

	static CliException answer(URI endpoint, HTTPResponse response, ParseException ex) {
		String type = (response.getHeaderValue("Content-Type") != null) ? response.getHeaderValue("Content-Type")
				: "no content type";
		return new CliException(endpoint + " did not answer as an OAuth 2.0 server (HTTP " + response.getStatusCode()
				+ ", " + type + "): " + ex.getMessage(), ex);
	}

}
