package dev.oauthplatform.auth.persistence;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.SqlParameterValue;

/** How an instant is bound to a JDBC statement for a {@code timestamp with time zone} column. */
public final class Timestamps {

	private Timestamps() {
	}

	/** Typed, so that H2 and PostgreSQL bind it (null included) as {@code timestamp with time zone}. */
	public static SqlParameterValue of(Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
				(instant != null) ? instant.atOffset(ZoneOffset.UTC) : null);
	}

}
