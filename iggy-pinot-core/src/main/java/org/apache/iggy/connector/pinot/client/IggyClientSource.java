package org.apache.iggy.connector.pinot.client;

import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;

/** Lends clients for connection settings. Borrowing does no network I/O; the first call on the handle connects. */
@FunctionalInterface
public interface IggyClientSource {
  IggyClientHandle borrow(IggyConnectionSettings settings);
}
