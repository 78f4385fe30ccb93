package dev.oauthplatform.auth.user;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sign-in throttle's keys: {@code user+ip:<username>|<address>}, {@code user:<username>} and
 * {@code ip:<address>}. Usernames are lower-cased ("Alice" and "alice" get no separate
 * allowances); an IPv6 client counts per /64, the block one subscriber is usually given, so that
 * hopping through its own addresses earns no new allowance.
 */
public final class ThrottleKeys {

	static final String USER_AT_ADDRESS = "user+ip:";

	static final String USER = "user:";

	static final String ADDRESS = "ip:";

	/** The column's width: no request can make a key the database refuses. */
	private static final int MAX_KEY_LENGTH = 255;

	/** Longer than any address, normalised or not: the rest of a key is the username's. */
	private static final int MAX_ADDRESS_LENGTH = 64;

	/** Only such text is parsed: InetAddress would look anything else up in the DNS. */
	private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private ThrottleKeys() {
	}

	public static String user(String username) {
		return truncate(USER + lowerCase(username), MAX_KEY_LENGTH);
	}

	public static String address(String address) {
		return ADDRESS + clientAddress(address);
	}

	/** The address goes last and whole: a long username is cut, never the address that tells keys apart. */
	public static String userAtAddress(String username, String address) {
		String suffix = "|" + clientAddress(address);
		return truncate(USER_AT_ADDRESS + lowerCase(username), MAX_KEY_LENGTH - suffix.length()) + suffix;
	}

	/** What every {@link #userAtAddress} key of this username starts with, however its address cut it. */
	static String userAtAnyAddressPrefix(String username) {
		return truncate(USER_AT_ADDRESS + lowerCase(username), MAX_KEY_LENGTH - 1 - MAX_ADDRESS_LENGTH);
	}

	/** Whether the key counts this username at some address (and not "alice|x" at one, for "alice"). */
	static boolean isUserAtAddressOf(String key, String username) {
		int bar = key.lastIndexOf('|');
		return key.startsWith(USER_AT_ADDRESS) && bar > 0
				&& key.equals(userAtAddress(username, key.substring(bar + 1)));
	}

	/**
	 * The address failures count under: an IPv4 address as it is, an IPv6 address as its /64
	 * ({@code 2001:db8:1:2::/64}; an IPv4-mapped one as the IPv4 address). A zone ({@code %eth0}) is
	 * dropped; text that is no address literal (none should come: Tomcat gives the peer's address,
	 * or a trusted proxy's X-Forwarded-For) is kept as it is, cut to a bounded length.
	 */
	public static String clientAddress(String remoteAddress) {
		if (remoteAddress == null || remoteAddress.isEmpty()) {
			return "unknown";
		}
		String address = remoteAddress.strip();
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		int zone = address.indexOf('%');
		if (zone >= 0) {
			address = address.substring(0, zone);
		}
		if (!IPV6_LITERAL.matcher(address).matches()) {
			return truncate(address, MAX_ADDRESS_LENGTH);
		}
		try {
			InetAddress parsed = InetAddress.getByName(address);
			return (parsed instanceof Inet6Address) ? slash64(parsed.getAddress()) : parsed.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return truncate(address, MAX_ADDRESS_LENGTH);
		}
	}

	private static String slash64(byte[] address) {
		StringBuilder prefix = new StringBuilder();
		for (int group = 0; group < 4; group++) {
			int value = ((address[2 * group] & 0xff) << 8) | (address[2 * group + 1] & 0xff);
			prefix.append(Integer.toHexString(value)).append(':');
		}
		return prefix.append(":/64").toString();
	}

	private static String lowerCase(String username) {
		return (username != null) ? username.toLowerCase(Locale.ROOT) : "";
	}

	private static String truncate(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
