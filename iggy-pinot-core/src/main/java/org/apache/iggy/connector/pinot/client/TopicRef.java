package org.apache.iggy.connector.pinot.client;

import org.apache.iggy.connector.pinot.config.IggyResourceId;

/**
 * A topic inside a stream, each named or numbered as configured.
 *
 * @param stream the stream
 * @param topic the topic inside it
 */
public record TopicRef(IggyResourceId stream, IggyResourceId topic) {
  @Override
  public String toString() {
    return "stream " + stream + " topic " + topic;
  }
}
