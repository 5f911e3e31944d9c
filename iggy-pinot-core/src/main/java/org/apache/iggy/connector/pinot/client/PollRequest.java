package org.apache.iggy.connector.pinot.client;

/**
 * One poll of one partition.
 *
 * @param topic the topic
 * @param partitionId the Iggy partition
 * @param start where the poll starts
 * @param count at most this many messages
 * @param keepMetadata whether each message keeps its id and user headers (undecoded); without, decoding an answer
 *     costs nothing beyond copying the payloads
 */
public record PollRequest(TopicRef topic, int partitionId, PollStart start, int count, boolean keepMetadata) {

  /** What the request is about, for error messages. */
  public RequestContext context() {
    return RequestContext.of("poll", topic, partitionId);
  }
}
