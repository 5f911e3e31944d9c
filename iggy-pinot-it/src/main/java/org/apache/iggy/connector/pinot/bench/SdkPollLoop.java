package org.apache.iggy.connector.pinot.bench;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.connector.pinot.testserver.LoggedIn;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;

/**
 * The baseline: the Iggy Java SDK 0.8.0's own {@code AsyncIggyTcpClient.pollMessages} by offset, as a standalone
 * consumer without auto-commit, with a number of polls in flight (consecutive ranges, each on a pooled channel of
 * its own: the SDK keeps one request in flight per channel). A short answer is completed by polling the rest
 * before going on, so the loop reads every message once and in order.
 */
final class SdkPollLoop implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 30;
  private static final Consumer CONSUMER = Consumer.of(1L);

  private final AsyncIggyTcpClient _client;
  private final StreamId _stream;
  private final int _inFlight;

  /** A logged-in client with one channel per poll in flight. */
  SdkPollLoop(BenchIggy iggy, int inFlight) throws Exception {
    _client = LoggedIn.async(AsyncIggyTcpClient.builder().host(iggy.host()).port(iggy.port())
        .credentials(iggy.username(), iggy.password()).connectionPoolSize(inFlight));
    _stream = StreamId.of(iggy.stream());
    _inFlight = inFlight;
  }

  /** Reads {@code count} messages of a partition from offset 0, {@code batch} per poll. */
  Run read(String topic, int partition, long count, int batch) throws Exception {
    TopicId topicId = TopicId.of(topic);
    PayloadChecksum checksum = new PayloadChecksum();
    long started = System.nanoTime();
    Deque<Range> window = new ArrayDeque<>();
    long nextRequest = 0;
    while (!window.isEmpty() || nextRequest < count) {
      while (window.size() < _inFlight && nextRequest < count) {
        int size = (int) Math.min(batch, count - nextRequest);
        window.addLast(new Range(nextRequest, size, poll(topicId, partition, nextRequest, size)));
        nextRequest += size;
      }
      Range range = window.pollFirst();
      int read = take(range.answer(), checksum);
      while (read < range.size()) {
        int got = take(poll(topicId, partition, range.start() + read, range.size() - read), checksum);
        if (got == 0) {
          return Run.of(checksum.count(), checksum.value(), System.nanoTime() - started);
        }
        read += got;
      }
    }
    return Run.of(checksum.count(), checksum.value(), System.nanoTime() - started);
  }

  private CompletableFuture<PolledMessages> poll(TopicId topic, int partition, long offset, int count) {
    return _client.messages().pollMessages(_stream, topic, Optional.of((long) partition), CONSUMER,
        PollingStrategy.offset(BigInteger.valueOf(offset)), (long) count, false);
  }

  private static int take(CompletableFuture<PolledMessages> answer, PayloadChecksum checksum) throws Exception {
    PolledMessages polled = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    for (Message message : polled.messages()) {
      checksum.add(message.payload());
    }
    return polled.messages().size();
  }

  @Override
  public void close() throws Exception {
    _client.close().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private record Range(long start, int size, CompletableFuture<PolledMessages> answer) {
  }
}
