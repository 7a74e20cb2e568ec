package io.github.sitegen.images;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Tells public internet addresses from those of the machine itself and its local networks. */
final class HostAddresses {
  private HostAddresses() {}

  /**
   * True for loopback ({@code 127/8}, {@code ::1}), wildcard ({@code 0.0.0.0}, {@code ::}),
   * site-local ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}), link-local ({@code
   * 169.254/16}, {@code fe80::/10}), multicast, IPv6 unique-local ({@code fc00::/7}), carrier-grade
   * NAT ({@code 100.64/10}) and IPv4-mapped forms of those.
   */
  static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // unique-local fc00::/7 (Java calls only fec0::/10 site-local)
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 // "this network"
        || first == 100 && second >= 64 && second < 128 // carrier-grade NAT, 100.64/10
        || first >= 240; // reserved and broadcast
  }
}
