package dev.oauthplatform.admin.activity;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.oauthplatform.admin.api.AdminApiException;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * A client's latest events, for the client's page: done by the client or naming it. The section
 * is secondary, so a failure to read it is said inside it instead of taking the page down; only a
 * sign-in auth-server no longer accepts goes on to end the session.
 */
@Component
public class ClientActivity {

	/** How many events the client's page shows; the Activity page has the rest. */
	public static final int LATEST = 20;

	private static final Log logger = LogFactory.getLog(ClientActivity.class);

	private final ActivityApi api;

	ClientActivity(ActivityApi api) {
		this.api = api;
	}

	public Latest latest(String clientId) {
		try {
			ActivityApi.EventPage found = this.api.find(new ActivityApi.Query(null, null, clientId, null, 0, LATEST));
			return new Latest(found.items().stream().map(ActivityRow::of).toList(), found.total(), null);
		}
		catch (AdminApiException ex) {
			if (ex.isUnauthenticated()) {
				throw ex;
			}
			return Latest.unreadable(ex.getMessage());
		}
		catch (RestClientException ex) {
			logger.debug("The audit trail could not be read: " + ex.getMessage());
			return Latest.unreadable("The authorization server could not be reached; try again in a moment.");
		}
	}

	/** The newest events first, how many there are in all, and why none could be read (null when they were). */
	public record Latest(List<ActivityRow> events, long total, String problem) {

		static Latest unreadable(String problem) {
			return new Latest(List.of(), 0, problem);
		}

		public boolean hasMore() {
			return this.total > this.events.size();
		}

	}

}
