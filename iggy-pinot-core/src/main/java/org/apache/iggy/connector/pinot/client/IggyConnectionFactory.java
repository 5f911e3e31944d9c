package org.apache.iggy.connector.pinot.client;

import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;

/** Creates connections; creating does no network I/O. */
@FunctionalInterface
public interface IggyConnectionFactory {
  IggyConnection create(IggyConnectionSettings settings);
}
