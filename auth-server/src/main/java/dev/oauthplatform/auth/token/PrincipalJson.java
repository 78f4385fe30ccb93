package dev.oauthplatform.auth.token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.MissingNode;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Reads the signed-in principal a grant stores (a {@link UsernamePasswordAuthenticationToken}
 * holding a {@link User}) as Spring Security's own readers do, in readers Jackson may cache.
 * Spring Security's are not cachable, nor are its typed authority collections: on every read of a
 * grant (each refresh, each code exchange) Jackson built them again, introspecting the classes
 * under its cache's one lock, and request threads queued on it holding their database
 * connections (bench/REFRESH.md). Each element is still read through the allow-listed typing.
 */
final class PrincipalJson {

	private PrincipalJson() {
	}

	/** Registered after Spring Security's modules: these mix-ins replace its two. */
	static SimpleModule module() {
		return new SimpleModule("cachable-principal")
			.setMixInAnnotation(UsernamePasswordAuthenticationToken.class, TokenMixin.class)
			.setMixInAnnotation(User.class, UserMixin.class);
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	@JsonDeserialize(using = TokenReader.class)
	@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
			isGetterVisibility = JsonAutoDetect.Visibility.NONE)
	abstract static class TokenMixin {

	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	@JsonDeserialize(using = UserReader.class)
	@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
			isGetterVisibility = JsonAutoDetect.Visibility.NONE)
	abstract static class UserMixin {

	}

	static final class TokenReader extends ValueDeserializer<UsernamePasswordAuthenticationToken> {

		@Override
		public UsernamePasswordAuthenticationToken deserialize(JsonParser parser, DeserializationContext context) {
			JsonNode node = context.readTree(parser);
			JsonNode principalNode = field(node, "principal");
			Object principal = principalNode.isObject() ? context.readTreeAsValue(principalNode, Object.class)
					: principalNode.asString();
			JsonNode credentialsNode = field(node, "credentials");
			Object credentials = (credentialsNode.isNull() || credentialsNode.isMissingNode()) ? null
					: credentialsNode.asString();
			UsernamePasswordAuthenticationToken token = field(node, "authenticated").asBoolean()
					? UsernamePasswordAuthenticationToken.authenticated(principal, credentials,
							authorities(context, field(node, "authorities")))
					: UsernamePasswordAuthenticationToken.unauthenticated(principal, credentials);
			JsonNode details = field(node, "details");
			token.setDetails((details.isNull() || details.isMissingNode()) ? null
					: context.readTreeAsValue(details, Object.class));
			return token;
		}

		@Override
		public boolean isCachable() {
			return true;
		}

	}

	static final class UserReader extends ValueDeserializer<User> {

		@Override
		public User deserialize(JsonParser parser, DeserializationContext context) {
			JsonNode node = context.readTree(parser);
			JsonNode password = field(node, "password");
			User user = new User(field(node, "username").asString(),
					password.isMissingNode() ? "" : password.stringValue(), field(node, "enabled").asBoolean(),
					field(node, "accountNonExpired").asBoolean(), field(node, "credentialsNonExpired").asBoolean(),
					field(node, "accountNonLocked").asBoolean(),
					new LinkedHashSet<>(authorities(context, field(node, "authorities"))));
			if (password.asString(null) == null) {
				user.eraseCredentials();
			}
			return user;
		}

		@Override
		public boolean isCachable() {
			return true;
		}

	}

	/**
	 * A typed collection ({@code ["java.util.…Set", [ {"@class": …}, … ]]}), each element read as
	 * its own {@code @class} says (allow-listed), which Jackson caches per class.
	 */
	static List<GrantedAuthority> authorities(DeserializationContext context, JsonNode node) {
		JsonNode elements = (node.isArray() && node.size() == 2 && node.get(0).isString() && node.get(1).isArray())
				? node.get(1) : node;
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (JsonNode element : elements) {
			authorities.add((GrantedAuthority) context.readTreeAsValue(element, Object.class));
		}
		return authorities;
	}

	private static JsonNode field(JsonNode node, String name) {
		return node.has(name) ? node.get(name) : MissingNode.getInstance();
	}

}
