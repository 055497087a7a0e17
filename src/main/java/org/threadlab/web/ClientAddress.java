package org.threadlab.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Who a client is, for its fair share of the server: its address (as the server sees it, or as a
 * trusted proxy forwards it when {@code server.forward-headers-strategy} is set). An IPv6 client is its
 * /64 network, since one machine may use any address of its /64. Stateless.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String of(InetSocketAddress remote) {
		if (remote == null) {
			return "unknown";
		}
		InetAddress address = remote.getAddress();
		if (address == null) {
			return remote.getHostString();
		}
		if (address instanceof Inet6Address && !address.isLoopbackAddress()) {
			byte[] bytes = address.getAddress();
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return prefix.append(":/64").toString();
		}
		return address.getHostAddress();
	}

}
