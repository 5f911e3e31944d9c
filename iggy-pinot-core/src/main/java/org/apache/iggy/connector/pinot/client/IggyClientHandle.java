package org.apache.iggy.connector.pinot.client;

/** A borrowed {@link IggyClient}; closing it gives it back. Closing twice is harmless. */
public interface IggyClientHandle extends IggyClient, AutoCloseable {
  @Override
  void close();
}
