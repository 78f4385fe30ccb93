package dev.oauthplatform.admin.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * What auth-server supports, as its discovery document says (RFC 8414,
 * {@code /.well-known/oauth-authorization-server}): the console keeps no list of its own. Read
 * on first need, not at start-up (auth-server may start later), then kept; a failed read is tried
 * again next time.
 */
@Component
public class ServerMetadata {

	static final String PATH = "/.well-known/oauth-authorization-server";

	private static final Log logger = LogFactory.getLog(ServerMetadata.class);

	private final RestClient discovery;

	private volatile Map<String, Object> document;

	@Autowired
	ServerMetadata(ConsoleProperties console) {
		this(RestClient.builder().baseUrl(console.issuer()).build());
	}

	ServerMetadata(RestClient discovery) {
		this.discovery = discovery;
	}

	/** {@code grant_types_supported}; empty when the document could not be read. */
	public Optional<List<String>> grantTypesSupported() {
		return list("grant_types_supported");
	}

	/** {@code token_endpoint_auth_methods_supported}; empty when the document could not be read. */
	public Optional<List<String>> tokenEndpointAuthMethodsSupported() {
		return list("token_endpoint_auth_methods_supported");
	}

	private Optional<List<String>> list(String name) {
		return document().map((metadata) -> metadata.get(name))
			.filter(List.class::isInstance)
			.map((values) -> ((List<?>) values).stream().map(String::valueOf).toList());
	}

	private Optional<Map<String, Object>> document() {
		Map<String, Object> read = this.document;
		if (read == null) {
			try {
				read = this.discovery.get().uri(PATH).retrieve().body(new ParameterizedTypeReference<>() {
				});
				this.document = read;
			}
			catch (RestClientException ex) {
				logger.debug("auth-server's discovery document could not be read: " + ex.getMessage());
			}
		}
		return Optional.ofNullable(read);
	}

}
