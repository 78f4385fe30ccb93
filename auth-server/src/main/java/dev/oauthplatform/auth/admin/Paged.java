package dev.oauthplatform.auth.admin;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** One page of a listing, with what a console needs to page on. */
record Paged<T>(List<T> items, int page, int size, long total) {

	static final int MAX_SIZE = 200;

	static <T> Paged<T> of(Page<T> page) {
		return new Paged<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
	}

	static PageRequest request(int page, int size, Sort sort) {
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw AdminApiException.invalidRequest("page must be 0 or more and size between 1 and " + MAX_SIZE);
		}
		return PageRequest.of(page, size, sort);
	}

}
