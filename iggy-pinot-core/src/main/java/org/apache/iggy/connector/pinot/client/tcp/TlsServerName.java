package org.apache.iggy.connector.pinot.client.tcp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;

/**
 * Chooses the name the SDK dials. The Iggy Java SDK 0.8.0 verifies the server certificate against the very name it
 * connects to, so a configured TLS server name is honoured by dialling that name, after checking that it reaches the
 * same server as the configured host.
 */
final class TlsServerName {
  private TlsServerName() {
  }

  static String hostToDial(IggyConnectionSettings settings) {
    String serverName = settings.tlsServerName();
    if (!settings.tls() || serverName == null || serverName.equalsIgnoreCase(settings.host())) {
      return settings.host();
    }
    InetAddress[] serverNameAddresses;
    try {
      serverNameAddresses = InetAddress.getAllByName(serverName);
    } catch (UnknownHostException e) {
      throw IggyErrors.permanentError(FailureKind.DNS, "stream.iggy.tls.server.name '" + serverName
          + "' does not resolve; the Iggy Java SDK 0.8.0 verifies the certificate against the name it connects to, "
          + "so the server name must resolve to the address of stream.iggy.host '" + settings.host() + "'", e);
    }
    InetAddress[] hostAddresses;
    try {
      hostAddresses = InetAddress.getAllByName(settings.host());
    } catch (UnknownHostException e) {
      throw IggyErrors.transientError(FailureKind.DNS, "cannot resolve Iggy host '" + settings.host() + "'", e);
    }
    if (Collections.disjoint(Arrays.asList(serverNameAddresses), Arrays.asList(hostAddresses))) {
      throw IggyErrors.permanentError(FailureKind.OTHER, "stream.iggy.tls.server.name '" + serverName
          + "' resolves to " + Arrays.toString(serverNameAddresses) + ", not to the address of stream.iggy.host '"
          + settings.host() + "'; the Iggy Java SDK 0.8.0 verifies the certificate against the name it connects to",
          null);
    }
    return serverName;
  }
}
