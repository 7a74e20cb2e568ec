package io.github.sitegen.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostAddressesTest {

  // literal addresses only: InetAddress.getByName parses them without any lookup
  @ParameterizedTest(name = "{0} private: {1}")
  @CsvSource(textBlock = """
      127.0.0.1,      true
      10.0.0.1,       true
      192.168.1.1,    true
      172.16.0.1,     true
      169.254.1.1,    true
      0.0.0.0,        true
      100.64.0.1,     true
      224.0.0.1,      true
      ::1,            true
      fc00::1,        true
      fd12:3456::1,   true
      fe80::1,        true
      ::ffff:10.0.0.1, true
      93.184.216.34,  false
      172.32.0.1,     false
      2606:2800:220:1:248:1893:25c8:1946, false
      """)
  void tellsPrivateFromPublicAddresses(String literal, boolean expected) throws UnknownHostException {
    assertThat(HostAddresses.isPrivate(InetAddress.getByName(literal))).isEqualTo(expected);
  }
}
