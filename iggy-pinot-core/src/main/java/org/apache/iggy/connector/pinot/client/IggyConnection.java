package org.apache.iggy.connector.pinot.client;

import java.util.concurrent.CompletableFuture;

/**
 * One client to one Iggy server, owned by {@link SharedIggyClients}. It connects lazily on first use and reports
 * when it became unusable, so the registry can replace it.
 */
public interface IggyConnection extends IggyClient {

  /** True once a timeout or connection-level failure made this connection unusable. */
  boolean isBroken();

  /** Releases sockets and threads; the future completes when they are gone. Safe to call more than once. */
  CompletableFuture<Void> closeAsync();
}
