package dev.oauthplatform.admin.activity;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail, newest first, filtered by type, actor, client and day, a page at a time. */
@Controller
class ActivityController {

	static final int PAGE_SIZE = 50;

	private final ActivityApi api;

	ActivityController(ActivityApi api) {
		this.api = api;
	}

	@GetMapping("/activity")
	String list(@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String actor,
			@RequestParam(name = "client_id", defaultValue = "") String clientId,
			@RequestParam(defaultValue = "") String since, @RequestParam(defaultValue = "0") int page, Model model) {
		ActivityFilter filter = new ActivityFilter(type, actor, clientId, since);
		if (filter.sinceIsInvalid()) {
			model.addAttribute("flashKind", "error");
			model.addAttribute("flashMessage", "'" + filter.since() + "' is not a day such as 2026-01-31: "
					+ "the events of every day are shown.");
		}
		ActivityApi.EventPage found = this.api.find(filter.query(Math.max(page, 0), PAGE_SIZE));
		List<ActivityRow> events = found.items().stream().map(ActivityRow::of).toList();
		model.addAttribute("events", events);
		model.addAttribute("total", found.total());
		model.addAttribute("filter", filter);
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("unknownType", !filter.type().isEmpty() && !ActivityType.isKnown(filter.type()));
		if (found.page() > 0) {
			model.addAttribute("previousPage", filter.link(found.page() - 1));
		}
		if ((long) (found.page() + 1) * PAGE_SIZE < found.total()) {
			model.addAttribute("nextPage", filter.link(found.page() + 1));
		}
		return "activity/list";
	}

}
