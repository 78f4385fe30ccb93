package dev.oauthplatform.auth.client;

/**
 * Published inside the transaction that deletes a client, so that what was given to it (consents)
 * goes with it, in the same transaction, without the client store knowing every such thing.
 *
 * @param registeredClientId the internal id that consents and grants are keyed by
 */
public record ClientDeleted(String registeredClientId) {
}
