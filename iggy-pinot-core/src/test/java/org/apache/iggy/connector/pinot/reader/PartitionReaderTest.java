package org.apache.iggy.connector.pinot.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.InFlight;
import org.apache.iggy.connector.pinot.client.PollRequest;
import org.apache.iggy.connector.pinot.client.PolledBatch;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.client.TopicDescription;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.config.IggyResourceId;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.junit.jupiter.api.Test;

class PartitionReaderTest {
  private static final TopicRef TOPIC = new TopicRef(IggyResourceId.parse("s"), IggyResourceId.parse("t"));
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final ScriptedClient _iggy = new ScriptedClient();

  private PartitionReader reader(Prefetch prefetch) {
    return new PartitionReader(_iggy, TOPIC, 0, 10, false, prefetch, -1);
  }

  private static PolledBatch batch(long from, int count, int payloadBytes) {
    List<PolledMessage> messages = new ArrayList<>();
    for (long offset = from; offset < from + count; offset++) {
      messages.add(new PolledMessage(offset, 1, 0, 0, new byte[payloadBytes], 64 + payloadBytes, 0, 0, null));
    }
    return new PolledBatch(0, from + count - 1, messages);
  }

  @Test
  void afterAFullBatchTheNextRangesAreInFlightBeforePinotAsksForThem() {
    PartitionReader reader = reader(new Prefetch(2, 1 << 20));
    _iggy.answerAtOnce((start, count) -> batch(start, count, 5));

    assertThat(reader.read(0, TIMEOUT).batch().messages()).hasSize(10);
    assertThat(_iggy.starts()).as("each range is polled from the message before it").containsExactly(0L, 9L, 19L);
    assertThat(reader.pendingPolls()).isEqualTo(2);

    Read second = reader.read(10, TIMEOUT);
    assertThat(second.previous().offset()).isEqualTo(9);
    assertThat(second.batch().firstOffset()).isEqualTo(10);
    assertThat(second.batch().messages()).hasSize(10);
    assertThat(_iggy.starts()).containsExactly(0L, 9L, 19L, 29L);
  }

  @Test
  void aShortBatchIsThePartitionsEndAndDiscardsWhatWasPrefetchedBeyondIt() {
    PartitionReader reader = reader(new Prefetch(2, 1 << 20));
    _iggy.answerAtOnce((start, count) -> batch(start, start < 19 ? count : 4, 5));
    reader.read(0, TIMEOUT);

    assertThat(reader.read(10, TIMEOUT).batch().messages()).as("the prefetched full batch").hasSize(10);
    Read tail = reader.read(20, TIMEOUT);

    assertThat(tail.batch().messages()).hasSize(3);
    assertThat(reader.pendingPolls()).isZero();
    assertThat(reader.read(23, TIMEOUT).batch().messages()).hasSize(3);
    assertThat(_iggy.starts()).containsExactly(0L, 9L, 19L, 29L, 22L);
  }

  @Test
  void aPrefetchedAnswerServesOnlyTheOffsetItWasAskedFor() {
    PartitionReader reader = reader(new Prefetch(1, 1 << 20));
    _iggy.answerAtOnce((start, count) -> batch(start, count, 5));
    reader.read(0, TIMEOUT);

    Read again = reader.read(0, TIMEOUT);

    assertThat(again.batch().firstOffset()).isZero();
    assertThat(again.previous()).isNull();
    assertThat(_iggy.starts()).containsExactly(0L, 9L, 0L, 9L);
  }

  @Test
  void theByteBoundLimitsHowManyPollsAreAhead() {
    PartitionReader reader = reader(new Prefetch(2, 1500));
    _iggy.answerAtOnce((start, count) -> batch(start, count, 100));
    reader.read(0, TIMEOUT);
    assertThat(reader.pendingPolls()).as("1000 payload bytes per batch, 1500 allowed ahead").isEqualTo(1);

    PartitionReader big = reader(new Prefetch(2, 500));
    big.read(0, TIMEOUT);
    assertThat(big.pendingPolls()).as("a batch larger than the bound is read alone").isZero();
  }

  @Test
  void aPrefetchThatFailedFailsTheReadThatNeedsItAndNothingElse() {
    PartitionReader reader = reader(new Prefetch(1, 1 << 20));
    _iggy.answerAtOnce((start, count) -> batch(start, count, 5));
    _iggy.failFrom(9);
    reader.read(0, TIMEOUT);

    assertThatThrownBy(() -> reader.read(10, TIMEOUT)).isInstanceOf(TransientConsumerException.class)
        .hasMessageContaining("reset");
    _iggy.failFrom(Long.MAX_VALUE);
    assertThat(reader.read(10, TIMEOUT).batch().firstOffset()).isEqualTo(10);
  }

  @Test
  void aReadWaitsForItsAnswerNoLongerThanItsTimeout() {
    PartitionReader reader = reader(Prefetch.NONE);
    _iggy.neverAnswer();

    assertThatThrownBy(() -> reader.read(0, Duration.ofMillis(100))).isInstanceOf(TransientConsumerException.class)
        .hasMessageContaining("timed out after");
    assertThat(_iggy._givenUp).hasValue(1);
  }

  @Test
  void closeReleasesTheClientOnlyOnceNothingIsInFlight() {
    PartitionReader reader = reader(new Prefetch(1, 1 << 20));
    _iggy.answerAtOnce((start, count) -> batch(start, count, 5));
    _iggy.holdFrom(9);
    reader.read(0, TIMEOUT);
    AtomicInteger released = new AtomicInteger();

    reader.close(released::incrementAndGet);
    reader.close(released::incrementAndGet);
    assertThat(released).hasValue(0);
    _iggy.releaseHeld();

    assertThat(released).hasValue(1);
    assertThatThrownBy(() -> reader.read(10, TIMEOUT)).isInstanceOf(IllegalStateException.class);
  }

  /** The answer to a poll from {@code start} of at most {@code count} messages. */
  private interface Answers {
    PolledBatch apply(long start, int count);
  }

  /** Answers polls as told: at once, never, failed, or held until released. */
  private static final class ScriptedClient implements IggyClient {
    private final List<Long> _starts = new ArrayList<>();
    private final List<Runnable> _held = new ArrayList<>();
    private final AtomicInteger _givenUp = new AtomicInteger();
    private Answers _answers = (start, count) -> batch(start, 0, 0);
    private long _failFrom = Long.MAX_VALUE;
    private long _holdFrom = Long.MAX_VALUE;
    private boolean _never;

    void answerAtOnce(Answers answers) {
      _answers = answers;
    }

    void failFrom(long offset) {
      _failFrom = offset;
    }

    void holdFrom(long offset) {
      _holdFrom = offset;
    }

    void neverAnswer() {
      _never = true;
    }

    void releaseHeld() {
      _held.forEach(Runnable::run);
    }

    synchronized List<Long> starts() {
      return List.copyOf(_starts);
    }

    @Override
    public synchronized InFlight<PolledBatch> startPoll(PollRequest request, Duration connectTimeout) {
      long start = request.start().value();
      _starts.add(start);
      CompletableFuture<PolledBatch> answer = new CompletableFuture<>();
      if (start >= _failFrom) {
        answer.completeExceptionally(IggyErrors.transientError(FailureKind.OTHER, "connection reset", null));
      } else if (start >= _holdFrom) {
        _held.add(() -> answer.complete(_answers.apply(start, request.count())));
      } else if (!_never) {
        answer.complete(_answers.apply(start, request.count()));
      }
      return new InFlight<>(answer, "poll of " + start, _givenUp::incrementAndGet);
    }

    @Override
    public void connect(Duration timeout) {
    }

    @Override
    public List<String> fetchTopicNames(IggyResourceId stream, Duration timeout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TopicDescription fetchTopic(TopicRef topic, Duration timeout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void storeConsumerOffset(TopicRef topic, int partitionId, String consumerName, long offset,
        Duration timeout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
  }
}
