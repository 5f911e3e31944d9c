package org.apache.iggy.connector.pinot.config;

import java.util.Objects;

/**
 * Everything needed to open a connection to one Iggy server. Two tables with equal settings share one client.
 * {@link #toString()} never shows the password or the token.
 *
 * @param host server host name or address
 * @param port server TCP port
 * @param username user for password login; ignored when a token is set
 * @param password password for password login
 * @param personalAccessToken token for token login, or null to log in with user and password
 * @param tls whether the connection uses TLS
 * @param tlsCaFile PEM file with the CA that signed the server certificate, or null for the JVM trust store
 * @param tlsServerName name to verify the server certificate against, or null to verify against {@code host}
 * @param poolSize maximum TCP connections of the shared client
 * @param connectTimeoutMillis deadline for opening a TCP connection and logging in
 * @param requestTimeoutMillis upper bound of any single request, whatever deadline the caller gives
 */
public record IggyConnectionSettings(String host, int port, String username, String password,
    String personalAccessToken, boolean tls, String tlsCaFile, String tlsServerName, int poolSize,
    long connectTimeoutMillis, long requestTimeoutMillis) {

  public IggyConnectionSettings {
    Objects.requireNonNull(host, "host");
  }

  public boolean usesToken() {
    return personalAccessToken != null;
  }

  /** The same settings with another number of TCP connections. */
  public IggyConnectionSettings withPoolSize(int connections) {
    return new IggyConnectionSettings(host, port, username, password, personalAccessToken, tls, tlsCaFile,
        tlsServerName, connections, connectTimeoutMillis, requestTimeoutMillis);
  }

  /** Who logs in, for messages: the user name, or "personal access token". */
  public String principal() {
    return usesToken() ? "personal access token" : "user '" + username + "'";
  }

  /** host:port, for messages. */
  public String address() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return "IggyConnectionSettings{address=" + address() + ", auth=" + (usesToken() ? "token(****)"
        : "user(" + username + ", password=****)") + ", tls=" + tls + (tlsCaFile != null ? ", caFile=" + tlsCaFile
        : "") + (tlsServerName != null ? ", serverName=" + tlsServerName : "") + ", poolSize=" + poolSize
        + ", connectTimeoutMillis=" + connectTimeoutMillis + ", requestTimeoutMillis=" + requestTimeoutMillis + "}";
  }
}
