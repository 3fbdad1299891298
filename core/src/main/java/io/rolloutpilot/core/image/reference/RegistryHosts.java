package io.rolloutpilot.core.image.reference;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The registry part of an image reference: a DNS name, IPv4 or bracketed IPv6 address, and a port 1-65535. */
final class RegistryHosts {
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+(?:%[a-zA-Z0-9]+)?\\]");
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[^\\]]*\\]|[^:]*)(?::([^:]*))?");
  private static final int MAX_HOST = 253;

  private RegistryHosts() {}

  static String require(String field, String shown, String authority) {
    Matcher parts = HOST_PORT.matcher(authority);
    if (!parts.matches()) {
      throw bad(field, shown, authority, "is not host[:port]");
    }
    String host = parts.group(1);
    if (!validHost(host)) {
      throw bad(field, shown, authority, "is not a valid host name or address (letters, digits and '-' in"
          + " labels of at most 63 characters joined by '.', at most " + MAX_HOST + " in all; IPv6 in brackets)");
    }
    String port = parts.group(2);
    if (port != null && !validPort(port)) {
      throw bad(field, shown, authority, "has the port '" + ReferenceText.show(port) + "'; a port is a number"
          + " from 1 to 65535");
    }
    return authority;
  }

  private static boolean validHost(String host) {
    if (host.startsWith("[")) {
      return IPV6.matcher(host).matches();
    }
    if (host.isEmpty() || host.length() > MAX_HOST) {
      return false;
    }
    for (String label : host.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static boolean validPort(String port) {
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int value = Integer.parseInt(port);
    return value >= 1 && value <= 65535;
  }

  private static RuntimeException bad(String field, String shown, String authority, String why) {
    return ImageReference.invalid(field, shown, "the registry host '" + ReferenceText.show(authority) + "' " + why);
  }
}
