package dev.oauthplatform.auth.persistence;

import java.sql.SQLException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Tells a unique key refusing a second insert (a race two requests can lose) from the other
 * integrity failures (a value too long, a missing reference), which are bugs and stay 500s.
 */
public final class UniqueKeyViolation {

	/** SQL:2011's "unique violation", as H2 and PostgreSQL both report it. */
	private static final String SQLSTATE = "23505";

	private UniqueKeyViolation() {
	}

	public static boolean is(DataIntegrityViolationException ex) {
		if (ex instanceof DuplicateKeyException) {
			return true;
		}
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && SQLSTATE.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
