package dev.oauthplatform.admin.client;

import java.util.Arrays;
import java.util.List;

/** A textarea of the console's forms that holds one value per line (URIs, origins, audiences). */
final class FormLines {

	private FormLines() {
	}

	/** One value per line; blank lines and surrounding spaces are dropped. */
	static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\\R")).map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

}
