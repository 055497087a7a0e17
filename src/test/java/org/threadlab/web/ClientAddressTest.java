package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

/** Who counts as one client for its fair share. */
class ClientAddressTest {

	@Test
	void anIpv4ClientIsItsAddressWhateverItsPort() throws Exception {
		assertThat(ClientAddress.of(new InetSocketAddress(InetAddress.getByName("10.0.0.7"), 51000)))
			.isEqualTo(ClientAddress.of(new InetSocketAddress(InetAddress.getByName("10.0.0.7"), 51001)))
			.isEqualTo("10.0.0.7");
	}

	@Test
	void anIpv6ClientIsItsSlash64SinceOneMachineMayUseAnyAddressInIt() throws Exception {
		String one = ClientAddress.of(new InetSocketAddress(InetAddress.getByName("2001:db8:1:2::1"), 1));
		String other = ClientAddress.of(new InetSocketAddress(InetAddress.getByName("2001:db8:1:2:ffff::9"), 1));
		String elsewhere = ClientAddress.of(new InetSocketAddress(InetAddress.getByName("2001:db8:1:3::1"), 1));
		assertThat(one).isEqualTo(other).isEqualTo("2001:db8:1:2::/64");
		assertThat(elsewhere).isNotEqualTo(one);
		assertThat(ClientAddress.of(new InetSocketAddress(InetAddress.getByName("::1"), 1))).isEqualTo("0:0:0:0:0:0:0:1");
	}

	@Test
	void anOriginIsASchemeAHostAndAPortAndNothingMore() {
		assertThat(HandshakeGuard.Origin.parse("http://localhost")).isEqualTo(new HandshakeGuard.Origin("http", "localhost", 80));
		assertThat(HandshakeGuard.Origin.parse("HTTPS://Lab.Example.org")).isEqualTo(
				new HandshakeGuard.Origin("https", "lab.example.org", 443));
		assertThat(HandshakeGuard.Origin.parse("http://[::1]:8080")).isEqualTo(new HandshakeGuard.Origin("http", "[::1]", 8080));
		for (String notOne : new String[] { null, "", "null", "localhost", "ftp://x", "http://a/b", "http://a?b",
				"http://u@a", "http://[::1", "http://a b" }) {
			assertThat(HandshakeGuard.Origin.parse(notOne)).as(String.valueOf(notOne)).isNull();
		}
	}

}
