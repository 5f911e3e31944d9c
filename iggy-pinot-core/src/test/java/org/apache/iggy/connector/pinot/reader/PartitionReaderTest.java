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
  /** The last offset the answers report, far enough for every prefetch of these tests. */
  private static final long PARTITION_LAST_OFFSET = 100_000;
  private final ScriptedClient _iggy = new ScriptedClient();

  private PartitionReader reader(Prefetch prefetch) {
    return new PartitionReader(_iggy, TOPIC, 0, 10, false, prefetch, -1);
  }

  private static PolledBatch batch(long from, int count, int payloadBytes) {
    List<PolledMessage> messages = new ArrayList<>();
    for (long offset = from; offset < from + count; offset++) {
      messages.add(new PolledMessage(offset, 1, 0, 0, new byte[payloadBytes], 64 + payloadBytes, 0, 0, null));
    }
    return new PolledBatch(0, Math.max(from + count - 1, PARTITION_LAST_OFFSET), messages);
  }

  @Test
  void afterAFullBatchTheNextRangesAreInFlightBeforePinotAsksForThem() {
    PartitionReader reader = reader(new Prefetch(2, 1 << 20, 0));
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
    PartitionReader reader = reader(new Prefetch(2, 1 << 20, 0));
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
    PartitionReader reader = reader(new Prefetch(1, 1 << 20, 0));
    _iggy.answerAtOnce((start, count) -> batch(start, count, 5));
    reader.read(0, TIMEOUT);

    Read again = reader.read(0, TIMEOUT);

    assertThat(again.batch().firstOffset()).isZero();
    assertThat(again.previous()).isNull();
    assertThat(_iggy.starts()).containsExactly(0L, 9L, 0L, 9L);
  }

  @Test
  void theByteBoundLimitsHowManyPollsAreAhead() {
    PartitionReader reader = reader(new Prefetch(2, 1500, 0));
    _iggy.answerAtOnce((start, count) -> batch(start, count, 100));
    reader.read(0, TIMEOUT);
    assertThat(reader.pendingPolls()).as("1000 payload bytes per batch, 1500 allowed ahead").isEqualTo(1);

    PartitionReader big = reader(new Prefetch(2, 500, 0));
    big.read(0, TIMEOUT);
    assertThat(big.pendingPolls()).as("a batch larger than the bound is read alone").isZero();
  }

  @Test
  void aPrefetchThatFailedFailsTheReadThatNeedsItAndNothingElse() {
    PartitionReader reader = reader(new Prefetch(1, 1 << 20, 0));
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
    PartitionReader reader = reader(new Prefetch(1, 1 << 20, 0));
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

  @Test
  void pollsLargerThanTheBatchServeTheReadsThatFollowWithoutARoundTrip() {
    PartitionReader reader = reader(new Prefetch(1, 1 << 20, 1000));
    _iggy.answerAtOnce((start, count) -> batch(start, count, 5));

    for (long start = 0; start < 210; start += 10) {
      Read read = reader.read(start, TIMEOUT);
      assertThat(read.batch().messages()).hasSize(10);
      assertThat(read.batch().firstOffset()).isEqualTo(start);
      assertThat(read.previous() == null ? -1 : read.previous().offset()).isEqualTo(start - 1);
    }

    assertThat(_iggy.starts()).as("21 reads, 4 polls: the rest of each answer served the reads after it")
        .containsExactly(0L, 9L, 49L, 209L);
    assertThat(_iggy.counts()).as("the batch size first, then 4 times more each poll (and the message before), up "
        + "to 1000 bytes of 5-byte messages").containsExactly(10, 41, 161, 201);
    assertThat(reader.read(210, TIMEOUT).batch().firstOffset()).isEqualTo(210);
    assertThat(_iggy.starts()).endsWith(409L);
  }

  @Test
  void theRestOfAnAnswerServesOnlyTheOffsetThatFollowsWhatWasRead() {
    PartitionReader reader = reader(new Prefetch(1, 1 << 20, 1000));
    _iggy.answerAtOnce((start, count) -> batch(start, count, 5));
    reader.read(0, TIMEOUT);
    reader.read(10, TIMEOUT);

    Read elsewhere = reader.read(15, TIMEOUT);

    assertThat(elsewhere.previous().offset()).isEqualTo(14);
    assertThat(elsewhere.batch().firstOffset()).isEqualTo(15);
    assertThat(_iggy.starts()).containsExactly(0L, 9L, 49L, 14L, 174L);
    reader.discardAhead();
    assertThat(reader.read(25, TIMEOUT).batch().firstOffset()).as("nothing left over after discardAhead")
        .isEqualTo(25);
    assertThat(_iggy.starts()).endsWith(24L, 224L);
  }

  @Test
  void theMessageBeforeTheRangeCountsAmongTheAnswersMessagesForTheNextPollSize() {
    PartitionReader reader = reader(new Prefetch(1, 1 << 20, 100));
    _iggy.answerAtOnce((start, count) -> {
      List<PolledMessage> messages = new ArrayList<>();
      for (long offset = start; offset < start + count; offset++) {
        int payloadBytes = offset == 9 ? 81 : 1;
        messages.add(new PolledMessage(offset, 1, 0, 0, new byte[payloadBytes], 64 + payloadBytes, 0, 0, null));
      }
      return new PolledBatch(0, PARTITION_LAST_OFFSET, messages);
    });

    reader.read(0, TIMEOUT);
    reader.read(10, TIMEOUT);

    assertThat(_iggy.counts()).as("10 messages of 90 bytes, then 12 (offsets 9 to 20) of 92 bytes: 7 bytes each")
        .containsExactly(10, 12, 15);
  }

  @Test
  void thePollSizeFollowsTheMessageSizeWithinItsBounds() {
    Prefetch prefetch = new Prefetch(2, 1 << 20, 1000);

    assertThat(prefetch.pollSize(10, 100, 10, 50)).isEqualTo(200);
    assertThat(prefetch.pollSize(10, 10, 10, 50)).as("at most 4 times the last poll").isEqualTo(40);
    assertThat(prefetch.pollSize(10, 100, 10, 5000)).as("never below the batch size").isEqualTo(10);
    assertThat(new Prefetch(2, 1 << 20, 1 << 20).pollSize(10, 100_000, 10, 50)).as("at most 10000 "
        + "messages").isEqualTo(Prefetch.MAX_POLL_MESSAGES);
    assertThat(prefetch.pollSize(20_000, 20_000, 10, 50)).isEqualTo(20_000);
    assertThat(prefetch.pollSize(10, 100, 0, 0)).as("nothing to estimate from").isEqualTo(10);
    assertThat(Prefetch.of(0).pollSize(10, 100, 10, 50)).as("no read-ahead polls the batch size")
        .isEqualTo(10);
  }

  /** The answer to a poll from {@code start} of at most {@code count} messages. */
  private interface Answers {
    PolledBatch apply(long start, int count);
  }

  /** Answers polls as told: at once, never, failed, or held until released. */
  private static final class ScriptedClient implements IggyClient {
    private final List<Long> _starts = new ArrayList<>();
    private final List<Integer> _counts = new ArrayList<>();
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

    synchronized List<Integer> counts() {
      return List.copyOf(_counts);
    }

    @Override
    public synchronized InFlight<PolledBatch> startPoll(PollRequest request, Duration connectTimeout) {
      long start = request.start().value();
      _starts.add(start);
      _counts.add(request.count());
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
