package dev.oauthplatform.system.cluster;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/cluster.sh up --fresh} (run once before every cluster test) starts both
 * instances at the same moment on an empty schema. Pass: both come up ready, and the first-start
 * work was done once: one admin user, one {@code admin-console} and one {@code admin-cli} client,
 * one set of demo clients, one signing key per algorithm, the same JWKS on both instances.
 */
@Tag("cluster")
@Order(1)
class ClusterFirstStartTest {

	@BeforeAll
	static void cluster() {
		Cluster.up();
	}

	@Test
	void bothInstancesFirstStartedAtOnceOnAnEmptySchemaAreReadyAndBootstrappedOnce() {
		assertThat(Cluster.ready(1)).as("instance 1 ready").isTrue();
		assertThat(Cluster.ready(2)).as("instance 2 ready").isTrue();
		assertThat(Cluster.routes()).as("the balancer routes to a ready instance").isTrue();

		assertThat(Cluster.count("select count(*) from app_user where username = 'admin'")).as("admin users").isEqualTo(1);
		assertThat(Cluster.count("select count(*) from oauth_client where client_id = 'admin-console'"))
			.as("admin-console clients").isEqualTo(1);
		assertThat(Cluster.count("select count(*) from oauth_client where client_id = 'admin-cli'"))
			.as("admin-cli clients").isEqualTo(1);
		assertThat(Cluster.count("select count(*) from oauth_client where client_id = 'demo-m2m'"))
			.as("demo clients").isEqualTo(1);
		assertThat(Cluster.count("select count(*) from signing_key where state = 'SIGNING' and algorithm = 'ES256'"))
			.as("ES256 keys signing (two instances creating the first key at once would make two)").isEqualTo(1);
		assertThat(Cluster.count("select count(*) from signing_key where state = 'SIGNING' and algorithm = 'RS256'"))
			.as("RS256 keys signing").isEqualTo(1);

		String jwks1 = given().get(Cluster.instance(1) + "/oauth2/jwks").then().statusCode(200).extract().asString();
		String jwks2 = given().get(Cluster.instance(2) + "/oauth2/jwks").then().statusCode(200).extract().asString();
		assertThat(jwks2).as("both instances publish the same keys").isEqualTo(jwks1);
	}

}
