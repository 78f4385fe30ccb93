package dev.oauthplatform.auth.admin;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.oauthplatform.auth.support.HttpTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is public, and it and the running application agree on every operation of
 * the admin API: nothing undocumented, nothing documented that does not exist.
 */
class OpenApiDocumentTest extends HttpTest {

	private static final String PREFIX = "/admin/api";

	private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
			"patch", "trace");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMapping;

	@Test
	void theDocumentIsServedWithoutATokenAsYaml() {
		Response response = given().get(PREFIX + "/openapi.yaml");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/yaml");
	}

	@Test
	void theDocumentIsOpenApi31WithTheBearerScheme() {
		Map<String, Object> document = document();
		assertThat(String.valueOf(document.get("openapi"))).matches("3\\.1\\.\\d+");
		Map<String, Object> scheme = map(map(map(document, "components"), "securitySchemes"), "adminBearer");
		assertThat(scheme).containsEntry("type", "http")
			.containsEntry("scheme", "bearer")
			.containsEntry("bearerFormat", "JWT");
		assertThat(document.get("security")).as("every operation needs the bearer token")
			.isEqualTo(List.of(Map.of("adminBearer", List.of())));
	}

	@Test
	void everyOperationOfTheApplicationIsDocumented() {
		assertThat(documentedOperations()).containsAll(applicationOperations());
	}

	@Test
	void everyDocumentedOperationExistsInTheApplication() {
		assertThat(applicationOperations()).containsAll(documentedOperations());
	}

	/** "GET /admin/api/clients/{}" for each handler method mapped under {@code /admin/api}. */
	private Set<String> applicationOperations() {
		Set<String> operations = new TreeSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			for (String path : info.getPatternValues()) {
				if (!path.startsWith(PREFIX + "/") && !path.equals(PREFIX)) {
					continue;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				assertThat(methods).as("%s is mapped to every HTTP method: name them", path).isNotEmpty();
				methods.forEach((method) -> operations.add(method.name() + " " + normalize(path)));
			}
		}
		assertThat(operations).as("admin API operations found in the application").isNotEmpty();
		return operations;
	}

	private Set<String> documentedOperations() {
		Set<String> operations = new TreeSet<>();
		map(document(), "paths").forEach((path, item) -> {
			assertThat(path).startsWith(PREFIX);
			((Map<?, ?>) item).keySet()
				.stream()
				.map(String::valueOf)
				.filter(HTTP_METHODS::contains)
				.forEach((method) -> operations.add(method.toUpperCase(Locale.ROOT) + " " + normalize(path)));
		});
		return operations;
	}

	/** Path variables compare by position, not name: {@code {clientId}} and {@code {id}} become {@code {}}. */
	private static String normalize(String path) {
		return path.replaceAll("\\{[^}]*}", "{}");
	}

	private static Map<String, Object> document() {
		byte[] yaml = given().get(PREFIX + "/openapi.yaml").then().statusCode(200).extract().asByteArray();
		// from bytes: SnakeYAML reads them as UTF-8 (application/yaml has no charset parameter)
		return new Yaml().load(new ByteArrayInputStream(yaml));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object child = parent.get(key);
		assertThat(child).as(key).isInstanceOf(Map.class);
		return (Map<String, Object>) child;
	}

}
