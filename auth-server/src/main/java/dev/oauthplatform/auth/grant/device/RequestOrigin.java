package dev.oauthplatform.auth.grant.device;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Where and when a device asked for its codes, kept with the request and shown on the
 * confirmation page (RFC 8628 §5.4): a code that someone else's device asked for, from another
 * network, minutes ago, is a phishing attempt the user can recognise.
 *
 * @param address the device's address, as the sign-in throttle sees clients (trusted proxies only)
 */
record RequestOrigin(String address, Instant at) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private static final String ADDRESS = "device_requested_from";

	private static final String AT = "device_requested_at";

	void addTo(OAuth2Authorization.Builder authorization) {
		authorization.attribute(ADDRESS, this.address).attribute(AT, this.at.toString());
	}

	/**
	 * Whether the browser is on the device's network: the same address, both on this machine
	 * (IPv4 and IPv6 loopback alike), or the same IPv4 /24 or IPv6 /64. Anything else is said
	 * plainly with both addresses, not judged: one person's laptop may ask over IPv4 while their
	 * browser connects over IPv6.
	 */
	boolean sameNetworkAs(String browserAddress) {
		if (!isLiteral(this.address) || !isLiteral(browserAddress)) {
			return this.address.equals(browserAddress);
		}
		try {
			InetAddress device = InetAddress.getByName(this.address);
			InetAddress browser = InetAddress.getByName(browserAddress);
			if (device.isLoopbackAddress() && browser.isLoopbackAddress()) {
				return true;
			}
			byte[] a = device.getAddress();
			byte[] b = browser.getAddress();
			int prefix = (a.length == 4) ? 3 : 8;
			return a.length == b.length && Arrays.equals(a, 0, prefix, b, 0, prefix);
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** An address literal, which InetAddress parses; anything else it would look up in the DNS. */
	private static boolean isLiteral(String address) {
		return IPV4.matcher(address).matches() || IPV6.matcher(address).matches();
	}

	/** Null for a request from before origins were kept. */
	static RequestOrigin of(OAuth2Authorization authorization) {
		String address = authorization.getAttribute(ADDRESS);
		String at = authorization.getAttribute(AT);
		return (address != null && at != null) ? new RequestOrigin(address, Instant.parse(at)) : null;
	}

}
