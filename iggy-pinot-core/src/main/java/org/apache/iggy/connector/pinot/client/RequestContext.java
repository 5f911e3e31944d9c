package org.apache.iggy.connector.pinot.client;

/**
 * What a request was about, so that an error can name it.
 *
 * @param operation a short description such as "poll" or "fetch topic metadata"
 * @param topic the topic concerned, or null
 * @param partitionId the Iggy partition concerned, or -1
 */
public record RequestContext(String operation, TopicRef topic, int partitionId) {

  public static RequestContext of(String operation) {
    return new RequestContext(operation, null, -1);
  }

  public static RequestContext of(String operation, TopicRef topic) {
    return new RequestContext(operation, topic, -1);
  }

  public static RequestContext of(String operation, TopicRef topic, int partitionId) {
    return new RequestContext(operation, topic, partitionId);
  }

  /** The operation and what it touched, e.g. "poll of partition 3 of stream 'a' topic 'b'". */
  public String describe() {
    StringBuilder text = new StringBuilder(operation);
    if (partitionId >= 0) {
      text.append(" of partition ").append(partitionId);
    }
    if (topic != null) {
      text.append(partitionId >= 0 ? " of " : " for ").append(topic);
    }
    return text.toString();
  }
}
