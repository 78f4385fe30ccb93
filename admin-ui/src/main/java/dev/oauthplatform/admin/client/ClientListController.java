package dev.oauthplatform.admin.client;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The client list, searched by name (by auth-server) and by type (here, on the page fetched). */
@Controller
class ClientListController {

	// the API's largest page: a type filter over one page of 200 is exact for any realistic count
	private static final int PAGE_SIZE = 200;

	private final ClientsApi clients;

	ClientListController(ClientsApi clients) {
		this.clients = clients;
	}

	@GetMapping("/clients")
	String list(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "0") int page, Model model) {
		ClientsApi.ClientPage found = this.clients.list(name.strip(), Math.max(page, 0), PAGE_SIZE);
		List<ClientDetails> shown = found.items()
			.stream()
			.filter((client) -> type.isEmpty() || type.equalsIgnoreCase(client.clientType()))
			.toList();
		model.addAttribute("clients", shown);
		model.addAttribute("total", found.total());
		model.addAttribute("page", found.page());
		model.addAttribute("hasNext", (long) (found.page() + 1) * PAGE_SIZE < found.total());
		model.addAttribute("name", name);
		model.addAttribute("type", type);
		model.addAttribute("types", ClientType.values());
		return "clients/list";
	}

}
