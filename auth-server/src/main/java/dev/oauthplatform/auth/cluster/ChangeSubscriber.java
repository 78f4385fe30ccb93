package dev.oauthplatform.auth.cluster;

import java.util.function.Consumer;

/** What an instance does when another one (or itself) announces a change on a channel. */
public interface ChangeSubscriber {

	/** The change named by its payload (a client_id, say) was committed. */
	void changed(String payload);

	/**
	 * Changes may have gone unannounced (the listening connection was lost, or has just been
	 * made): forget everything cached.
	 */
	void missedChanges();

	/** One action for both: reload everything whatever changed. */
	static ChangeSubscriber reloadingAll(Runnable reload) {
		return of((payload) -> reload.run(), reload);
	}

	static ChangeSubscriber of(Consumer<String> changed, Runnable missed) {
		return new ChangeSubscriber() {
			@Override
			public void changed(String payload) {
				changed.accept(payload);
			}

			@Override
			public void missedChanges() {
				missed.run();
			}
		};
	}

}
