package org.apache.iggy.connector.pinot.client;

import java.time.Duration;

/**
 * All Iggy I/O of the connector. Every call returns or throws within its timeout (capped by the configured request
 * timeout). Failures are already classified: {@link org.apache.pinot.spi.stream.TransientConsumerException} for
 * network, timeout and server-busy problems, {@link org.apache.pinot.spi.stream.PermanentConsumerException} for bad
 * credentials, missing permission and a missing stream, topic or partition, each with a message naming it.
 */
public interface IggyClient {

  /** Opens (or reuses) the connection and logs in. */
  void connect(Duration timeout);

  /** The topic with all its partitions; a missing stream or topic is a permanent error naming it. */
  TopicDescription fetchTopic(TopicRef topic, Duration timeout);

  /** Polls one partition as a standalone consumer without auto-commit. */
  PolledBatch poll(TopicRef topic, int partitionId, PollStart start, int count, Duration timeout);

  /** Stores {@code offset} as the last processed offset of the named consumer on one partition. */
  void storeConsumerOffset(TopicRef topic, int partitionId, String consumerName, long offset, Duration timeout);
}
