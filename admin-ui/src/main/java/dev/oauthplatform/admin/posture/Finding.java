package dev.oauthplatform.admin.posture;

/**
 * One RFC 9700 recommendation as it stands for one client: passed or a warning, why, where the
 * recommendation is written, and the one-click fix when there is one ({@code fixLabel} null when
 * the admin has to decide, such as which https URI replaces a loopback one).
 */
public record Finding(String rule, boolean passed, String title, String detail, String reference,
		String fixLabel) {

	static Finding pass(String rule, String title, String detail, String reference) {
		return new Finding(rule, true, title, detail, reference, null);
	}

	static Finding warn(String rule, String title, String detail, String reference) {
		return new Finding(rule, false, title, detail, reference, null);
	}

	Finding withFix(String label) {
		return new Finding(this.rule, this.passed, this.title, this.detail, this.reference, label);
	}

	/** The CSS class the page and the browser tests key on. */
	public String status() {
		return this.passed ? "pass" : "warn";
	}

	public boolean hasFix() {
		return this.fixLabel != null;
	}

}
