package org.apache.iggy.connector.pinot.client;

import java.time.Duration;
import java.util.List;
import org.apache.iggy.connector.pinot.config.IggyResourceId;

/**
 * One logical connection to one Iggy server, and the only door to Iggy: topic metadata, polls by explicit offset and
 * stored consumer offsets. Every blocking call returns or throws within its timeout, and the answer of a started poll
 * arrives within the configured request timeout. Failures are already classified:
 * {@link org.apache.pinot.spi.stream.TransientConsumerException} for network, timeout and server-busy problems,
 * {@link org.apache.pinot.spi.stream.PermanentConsumerException} for bad credentials, missing permission and a
 * missing stream, topic or partition, each with a message naming it. A session that failed at the connection level
 * is replaced on the next call. Implementations are thread-safe; {@link IggyClients} lends them out.
 */
public interface IggyClient {

  /** Opens the connection and logs in, unless that is already done. */
  void connect(Duration timeout);

  /** The topic with all its partitions; a missing stream or topic is a permanent error naming it. */
  TopicDescription fetchTopic(TopicRef topic, Duration timeout);

  /** The names of the topics of a stream, in id order; a missing stream is a permanent error naming it. */
  List<String> fetchTopicNames(IggyResourceId stream, Duration timeout);

  /**
   * Sends a poll as a standalone consumer without auto-commit and returns at once; the answer arrives on the returned
   * request. Only opening a new session blocks, for at most {@code connectTimeout}.
   */
  InFlight<PolledBatch> startPoll(PollRequest request, Duration connectTimeout);

  /** A poll awaited within {@code timeout}, without message ids and user headers. */
  default PolledBatch poll(TopicRef topic, int partitionId, PollStart start, int count, Duration timeout) {
    return startPoll(new PollRequest(topic, partitionId, start, count, false), timeout).await(timeout);
  }

  /** Stores {@code offset} as the last processed offset of the named consumer on one partition. */
  void storeConsumerOffset(TopicRef topic, int partitionId, String consumerName, long offset, Duration timeout);

  /** Releases sockets and threads in the background; requests still in flight fail. */
  void close();
}
