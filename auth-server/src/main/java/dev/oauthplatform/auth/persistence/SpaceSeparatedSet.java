package dev.oauthplatform.auth.persistence;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a set of URIs, scopes or names as one space-separated column (none of them contain spaces). */
@Converter
public class SpaceSeparatedSet implements AttributeConverter<Set<String>, String> {

	@Override
	public String convertToDatabaseColumn(Set<String> values) {
		return (values == null) ? "" : String.join(" ", values);
	}

	@Override
	public Set<String> convertToEntityAttribute(String column) {
		if (column == null || column.isBlank()) {
			return new LinkedHashSet<>();
		}
		return Arrays.stream(column.trim().split("\\s+")).collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
