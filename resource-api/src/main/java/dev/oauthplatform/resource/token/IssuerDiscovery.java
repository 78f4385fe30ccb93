package dev.oauthplatform.resource.token;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads the issuer's metadata (OpenID discovery, else RFC 8414) for its {@code jwks_uri}, and
 * checks that the document speaks for the configured issuer (RFC 8414 §3.3).
 */
final class IssuerDiscovery {

	private static final Log logger = LogFactory.getLog(IssuerDiscovery.class);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final RestClient http;

	IssuerDiscovery(RestClient http) {
		this.http = http;
	}

	URI jwksUri(String issuer) {
		RestClientException lastFailure = null;
		for (URI location : metadataLocations(issuer)) {
			try {
				Map<String, Object> metadata = this.http.get().uri(location).retrieve().body(JSON_OBJECT);
				if (metadata == null) {
					continue;
				}
				if (!issuer.equals(metadata.get("issuer"))) {
					throw new IllegalStateException("The metadata at " + location + " is for issuer '"
							+ metadata.get("issuer") + "', not '" + issuer + "'");
				}
				if (!(metadata.get("jwks_uri") instanceof String jwksUri)) {
					throw new IllegalStateException("The metadata at " + location + " names no jwks_uri");
				}
				logger.info("Issuer " + issuer + " publishes its keys at " + jwksUri);
				return URI.create(jwksUri);
			}
			catch (RestClientException ex) {
				lastFailure = ex;
			}
		}
		throw new IllegalStateException("No metadata found for issuer " + issuer, lastFailure);
	}

	/** OpenID Connect Discovery 1.0 §4, then RFC 8414 §3 (well-known segment before the issuer's path). */
	private static List<URI> metadataLocations(String issuer) {
		URI uri = URI.create(issuer);
		String path = (uri.getPath() != null) ? uri.getPath().replaceAll("/$", "") : "";
		URI openid = UriComponentsBuilder.fromUri(uri).replacePath(path + "/.well-known/openid-configuration").build(true).toUri();
		URI oauth = UriComponentsBuilder.fromUri(uri).replacePath("/.well-known/oauth-authorization-server" + path).build(true).toUri();
		return List.of(openid, oauth);
	}

}
