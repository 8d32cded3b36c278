package dev.ringstore.testhosts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names and addresses of one test network, derived from its name and host list and nothing
 * else, so they can be checked without root.
 *
 * <p>Namespaces are {@code <name>-sw} (the switch) and {@code <name>-<host>}. Names and hosts are
 * lowercase letters and digits only: without a hyphen in either, {@code <name>-<x>} belongs to
 * exactly one network, which is what lets leftovers of a crashed run be found. Interface names live
 * inside those namespaces, so they can be short and fixed: {@code eth0} in each host, port {@code
 * v<i>} and bridges {@code br<k>} in the switch. Host {@code i} (from 0) gets 198.18.0.(i+1)/24, in
 * the benchmarking range of RFC 2544, and fixed locally administered MAC addresses.
 */
final class NetworkLayout {
  static final String HOST_INTERFACE = "eth0";
  static final int PREFIX_LENGTH = 24;
  static final int MAX_HOSTS = 254;

  private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,12}");
  private static final String SWITCH = "sw";

  private final String name;
  private final List<String> hosts;

  NetworkLayout(String name, List<String> hosts) {
    this.name = checkName("network name", name);
    this.hosts = List.copyOf(hosts);
    if (this.hosts.isEmpty() || this.hosts.size() > MAX_HOSTS) {
      throw new IllegalArgumentException("need 1 to " + MAX_HOSTS + " hosts, got " + hosts.size());
    }
    for (String host : this.hosts) {
      checkName("host name", host);
      if (host.equals(SWITCH)) {
        throw new IllegalArgumentException("host name 'sw' is the switch's");
      }
    }
    if (this.hosts.stream().distinct().count() != this.hosts.size()) {
      throw new IllegalArgumentException("duplicate host names: " + hosts);
    }
  }

  private static String checkName(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be 1-12 of [a-z0-9], got: " + value);
    }
    return value;
  }

  String name() {
    return name;
  }

  List<String> hosts() {
    return hosts;
  }

  String switchNamespace() {
    return name + "-" + SWITCH;
  }

  String namespace(String host) {
    return name + "-" + hosts.get(index(host));
  }

  /** Whether {@code namespace} is one this network's name would make, whoever made it. */
  boolean owns(String namespace) {
    String prefix = name + "-";
    return namespace.startsWith(prefix)
        && NAME.matcher(namespace.substring(prefix.length())).matches();
  }

  int index(String host) {
    int index = hosts.indexOf(host);
    if (index < 0) {
      throw new IllegalArgumentException("no host '" + host + "' in " + name + ": " + hosts);
    }
    return index;
  }

  InetAddress address(String host) {
    byte[] bytes = {(byte) 198, 18, 0, (byte) (index(host) + 1)};
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are an IPv4 address", e);
    }
  }

  /** The address with its prefix length, as {@code ip addr add} takes it. */
  String cidr(String host) {
    return address(host).getHostAddress() + "/" + PREFIX_LENGTH;
  }

  /** The MAC of the host's own interface: 02 (locally administered), c6:12 (198.18), host octet. */
  String hostMac(String host) {
    return String.format("02:c6:12:00:00:%02x", index(host) + 1);
  }

  /** The MAC of the host's port on the switch. */
  String portMac(String host) {
    return String.format("02:c6:12:01:00:%02x", index(host) + 1);
  }

  /** The host's port (the switch end of its veth pair). */
  String port(String host) {
    return "v" + index(host);
  }

  static String bridge(int number) {
    return "br" + number;
  }
}
