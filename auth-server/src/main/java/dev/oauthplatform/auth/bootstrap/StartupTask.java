package dev.oauthplatform.auth.bootstrap;

/**
 * Work that must be done before the server takes its first request: the built-in users and
 * clients exist before anyone can ask for a token. Run in {@code @Order} by {@link BeforeServing}.
 */
interface StartupTask {

	void run();

}
