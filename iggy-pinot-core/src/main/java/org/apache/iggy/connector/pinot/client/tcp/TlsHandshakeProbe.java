package org.apache.iggy.connector.pinot.client.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;

/**
 * Repeats the TLS handshake with the JDK, trusting what the connection trusts and verifying the name it dials, when
 * the SDK's first requests over TLS fail for no reason it names. The SDK 0.8.0 reports a rejected server certificate
 * either as the handshake error or, when the failed handshake closed the channel just as a request took it, only as
 * a channel without its response handler; this handshake tells which.
 */
final class TlsHandshakeProbe {
  private TlsHandshakeProbe() {
  }

  /**
   * The handshake's failure, or null when it succeeds or tells nothing (no answer within the time, no connection, a
   * trust setup the SDK already rejects on its own).
   */
  static SSLException failure(IggyConnectionSettings settings, String hostToDial, long timeoutMillis) {
    if (timeoutMillis <= 0) {
      return null;
    }
    SSLContext context;
    try {
      context = sslContext(settings.tlsCaFile());
    } catch (IOException | GeneralSecurityException e) {
      return null;
    }
    int timeout = (int) Math.min(Integer.MAX_VALUE, timeoutMillis);
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(hostToDial, settings.port()), timeout);
      plain.setSoTimeout(timeout);
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, hostToDial,
          settings.port(), false)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return null;
      }
    } catch (SSLException e) {
      return e;
    } catch (IOException e) {
      return null;
    }
  }

  private static SSLContext sslContext(String caFile) throws IOException, GeneralSecurityException {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (caFile == null) {
      trust.init((KeyStore) null);
    } else {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      try (InputStream pem = Files.newInputStream(Path.of(caFile))) {
        int index = 0;
        for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
          store.setCertificateEntry("ca-" + index++, certificate);
        }
      }
      trust.init(store);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
