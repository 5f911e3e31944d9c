package org.apache.iggy.connector.pinot.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iggy.connector.pinot.client.IggyClients;
import org.apache.iggy.connector.pinot.client.PollStart;
import org.apache.iggy.connector.pinot.reader.DeliveredHistory;
import org.apache.iggy.connector.pinot.testing.FakeIggyClient;
import org.apache.iggy.connector.pinot.testing.HeaderBlobs;
import org.apache.iggy.connector.pinot.testing.TestConfigs;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.StreamMessageMetadata;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.junit.jupiter.api.Test;

class IggyPartitionGroupConsumerTest {
  private final FakeIggyClient _iggy = new FakeIggyClient(2);
  private final DeliveredHistory _history = new DeliveredHistory();

  private IggyPartitionGroupConsumer consumer(Map<String, String> overrides) {
    return consumer(overrides, 0);
  }

  private IggyPartitionGroupConsumer consumer(Map<String, String> overrides, long segmentStart) {
    return new IggyPartitionGroupConsumer("test-client", TestConfigs.config(overrides), new IggyClients(
        settings -> _iggy, Duration.ZERO), _history, new PartitionGroupConsumptionStatus(1, 1,
        new LongMsgOffset(segmentStart), null, "IN_PROGRESS"));
  }

  private static List<String> payloads(MessageBatch<byte[]> batch) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < batch.getMessageCount(); i++) {
      out.add(new String(batch.getStreamMessage(i).getValue(), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static long offsetOf(MessageBatch<byte[]> batch, int index) {
    return ((LongMsgOffset) batch.getStreamMessage(index).getMetadata().getOffset()).getOffset();
  }

  @Test
  void readsInBatchesByExplicitOffsetAndChainsTheNextOffset() {
    _iggy.append(1, "a", "b", "c", "d", "e");
    IggyPartitionGroupConsumer consumer = consumer(Map.of());

    MessageBatch<byte[]> first = consumer.fetchMessages(new LongMsgOffset(0), 1000);
    MessageBatch<byte[]> second = consumer.fetchMessages(first.getOffsetOfNextBatch(), 1000);
    MessageBatch<byte[]> third = consumer.fetchMessages(second.getOffsetOfNextBatch(), 1000);

    assertThat(payloads(first)).containsExactly("a", "b", "c");
    assertThat(first.getOffsetOfNextBatch()).isEqualByComparingTo(new LongMsgOffset(3));
    assertThat(first.getFirstMessageOffset()).isEqualByComparingTo(new LongMsgOffset(0));
    assertThat(first.getLastMessageMetadata().getOffset()).isEqualByComparingTo(new LongMsgOffset(2));
    assertThat(first.getSizeInBytes()).isEqualTo(3);
    assertThat(first.hasDataLoss()).isFalse();
    assertThat(first.isEndOfPartitionGroup()).isFalse();
    assertThat(payloads(second)).containsExactly("d", "e");
    assertThat(third.getMessageCount()).isZero();
    assertThat(third.getOffsetOfNextBatch()).isEqualByComparingTo(new LongMsgOffset(5));
    assertThat(third.getFirstMessageOffset()).isNull();
    assertThat(_iggy.pollStarts()).as("after the full first batch the next range is prefetched from the message "
        + "before it, but not the one after it, beyond the partition's end; the short second batch ends prefetching")
        .containsExactly(PollStart.offset(0), PollStart.offset(2), PollStart.offset(4));
  }

  @Test
  void everyMessageCarriesItsOffsetNextOffsetIngestionTimeAndSize() {
    long micros = _iggy.append(1, "hello");
    MessageBatch<byte[]> batch = consumer(Map.of()).fetchMessages(new LongMsgOffset(0), 1000);

    StreamMessageMetadata metadata = batch.getStreamMessage(0).getMetadata();
    assertThat(metadata.getOffset()).isEqualByComparingTo(new LongMsgOffset(0));
    assertThat(metadata.getNextOffset()).isEqualByComparingTo(new LongMsgOffset(1));
    assertThat(metadata.getRecordIngestionTimeMs()).isEqualTo(micros / 1000);
    assertThat(metadata.getFirstStreamRecordIngestionTimeMs()).isEqualTo((micros - 5_000) / 1000);
    assertThat(metadata.getRecordSerializedSize()).isEqualTo(5);
    assertThat(metadata.getHeaders()).isNull();
    assertThat(metadata.getRecordMetadata()).isNullOrEmpty();
    assertThat(batch.getStreamMessage(0).getKey()).isNull();
  }

  @Test
  void metadataPopulateExposesHeadersAndRecordMetadata() {
    long micros = _iggy.append(1, Map.of("source", "web", "attempt", 3L), "x");
    MessageBatch<byte[]> batch = consumer(Map.of("stream.iggy.metadata.populate", "true"))
        .fetchMessages(new LongMsgOffset(0), 1000);

    StreamMessageMetadata metadata = batch.getStreamMessage(0).getMetadata();
    assertThat(metadata.getHeaders().getValue("source")).isEqualTo("web");
    assertThat(metadata.getHeaders().getValue("attempt")).isEqualTo(3L);
    assertThat(metadata.getRecordMetadata()).containsEntry("offset", "0").containsEntry("partition", "1")
        .containsEntry("timestamp", Long.toString(micros / 1000))
        .containsEntry("originTimestamp", Long.toString(micros - 5_000)).containsEntry("messageId", "10000");
  }

  @Test
  void aMessageWhoseHeadersCannotBeDecodedIsDeliveredWithoutThemAndTheNextOnesKeepTheirs() {
    _iggy.appendWithHeaderBytes(1, "poison", HeaderBlobs.entry(2, "n".getBytes(StandardCharsets.UTF_8), 6,
        new byte[] {1, 2, 3}));
    _iggy.append(1, Map.of("source", "web"), "fine");

    MessageBatch<byte[]> batch = consumer(Map.of("stream.iggy.metadata.populate", "true"))
        .fetchMessages(new LongMsgOffset(0), 1000);

    assertThat(payloads(batch)).containsExactly("poison", "fine");
    assertThat(batch.getStreamMessage(0).getMetadata().getHeaders()).isNull();
    assertThat(batch.getStreamMessage(0).getMetadata().getRecordMetadata()).containsEntry("offset", "0");
    assertThat(batch.getStreamMessage(1).getMetadata().getHeaders().getValue("source")).isEqualTo("web");
    assertThat(batch.getOffsetOfNextBatch()).isEqualByComparingTo(new LongMsgOffset(2));
    assertThat(payloads(consumer(Map.of()).fetchMessages(new LongMsgOffset(0), 1000)))
        .as("without metadata.populate headers are never read").containsExactly("poison", "fine");
  }

  @Test
  void sameStartOffsetGivesTheSameMessages() {
    _iggy.append(1, "a", "b", "c", "d");
    IggyPartitionGroupConsumer consumer = consumer(Map.of());

    assertThat(payloads(consumer.fetchMessages(new LongMsgOffset(1), 1000)))
        .isEqualTo(payloads(consumer.fetchMessages(new LongMsgOffset(1), 1000))).containsExactly("b", "c", "d");
  }

  @Test
  void retentionPastTheRequestedOffsetIsDataLoss() {
    _iggy.append(1, "a", "b", "c", "d", "e");
    _iggy.deleteBelow(1, 3);

    MessageBatch<byte[]> batch = consumer(Map.of()).fetchMessages(new LongMsgOffset(1), 1000);

    assertThat(batch.hasDataLoss()).isTrue();
    assertThat(offsetOf(batch, 0)).isEqualTo(3);
    assertThat(batch.getFirstMessageOffset()).isEqualByComparingTo(new LongMsgOffset(3));
    assertThat(batch.getOffsetOfNextBatch()).isEqualByComparingTo(new LongMsgOffset(5));
  }

  /** Reads the partition from {@code from} to its end, as Pinot's consumer loop does, and returns the payloads. */
  private static List<String> readToTheEnd(IggyPartitionGroupConsumer consumer, long from) {
    List<String> payloads = new ArrayList<>();
    long offset = from;
    while (true) {
      MessageBatch<byte[]> batch = consumer.fetchMessages(new LongMsgOffset(offset), 1000);
      if (batch.getMessageCount() == 0) {
        return payloads;
      }
      assertThat(batch.hasDataLoss()).isFalse();
      payloads.addAll(payloads(batch));
      offset = ((LongMsgOffset) batch.getOffsetOfNextBatch()).getOffset();
    }
  }

  @Test
  void afterAPurgeTheNewMessagesAreIngestedOnceAndNothingIsLost() {
    _iggy.append(1, "a", "b", "c", "d", "e");
    IggyPartitionGroupConsumer consumer = consumer(Map.of());
    assertThat(readToTheEnd(consumer, 0)).containsExactly("a", "b", "c", "d", "e");
    _iggy.purge();
    _iggy.append(1, "new-0", "new-1");

    MessageBatch<byte[]> batch = consumer.fetchMessages(new LongMsgOffset(5), 1000);

    assertThat(payloads(batch)).containsExactly("new-0", "new-1");
    assertThat(offsetOf(batch, 0)).isZero();
    assertThat(batch.hasDataLoss()).as("nothing Pinot never saw was skipped").isFalse();
    assertThat(batch.getOffsetOfNextBatch()).isEqualByComparingTo(new LongMsgOffset(2));
  }

  @Test
  void aPurgedPartitionThatHasGrownPastPinotsOffsetIsRecognisedByItsMessages() {
    _iggy.append(1, "a", "b", "c", "d", "e");
    IggyPartitionGroupConsumer consumer = consumer(Map.of());
    readToTheEnd(consumer, 0);
    _iggy.purge();
    _iggy.append(1, "n0", "n1", "n2", "n3", "n4", "n5", "n6");

    assertThat(readToTheEnd(consumer, 5)).as("the new generation from its first offset, not from offset 5")
        .containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6");
  }

  @Test
  void theNextConsumerOfThePartitionChecksWhatThePreviousOneDelivered() {
    _iggy.append(1, "a", "b", "c", "d", "e");
    readToTheEnd(consumer(Map.of()), 0);
    _iggy.purge();
    _iggy.append(1, "n0", "n1", "n2", "n3", "n4", "n5", "n6");

    assertThat(readToTheEnd(consumer(Map.of(), 5), 5)).containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6");
  }

  @Test
  void anUncleanRestartThatLostTheTailResumesAtTheFirstNewMessageWithoutIngestingTheSurvivorsAgain() {
    _iggy.append(1, "a", "b", "c", "d", "e");
    IggyPartitionGroupConsumer consumer = consumer(Map.of());
    readToTheEnd(consumer, 0);
    _iggy.loseTail(1, 3);

    MessageBatch<byte[]> waiting = consumer.fetchMessages(new LongMsgOffset(5), 1000);
    assertThat(waiting.getMessageCount()).as("nothing newer than what Pinot holds yet").isZero();
    assertThat(waiting.hasDataLoss()).isFalse();
    _iggy.append(1, "x", "y");

    assertThat(readToTheEnd(consumer, 5)).as("x and y took over offsets 3 and 4; a, b, c are not read again")
        .containsExactly("x", "y");
  }

  @Test
  void anUncleanRestartThatLostMessagesPinotHadNotReadYetReportsDataLossWhenTheSurvivorsAreGoneToo() {
    _iggy.append(1, "a", "b", "c", "d", "e", "f", "g", "h");
    IggyPartitionGroupConsumer consumer = consumer(Map.of("stream.iggy.prefetch.batches", "0"));
    assertThat(payloads(consumer.fetchMessages(new LongMsgOffset(0), 1000))).containsExactly("a", "b", "c");
    assertThat(payloads(consumer.fetchMessages(new LongMsgOffset(3), 1000))).containsExactly("d", "e", "f");
    _iggy.loseTail(1, 3);
    _iggy.append(1, "x", "y");

    MessageBatch<byte[]> batch = consumer.fetchMessages(new LongMsgOffset(6), 1000);

    assertThat(payloads(batch)).as("x and y took over offsets 3 and 4").containsExactly("x", "y");
    assertThat(batch.hasDataLoss()).as("g and h, at offsets 6 and 7, were in Iggy and Pinot never read them")
        .isTrue();
    assertThat(consumer.fetchMessages(new LongMsgOffset(5), 1000).hasDataLoss()).isFalse();
  }

  @Test
  void anUncleanRestartThatLostOnlyMessagesPinotHadNotReadYetReportsDataLossOnce() {
    _iggy.append(1, "a", "b", "c", "d", "e", "f", "g", "h");
    IggyPartitionGroupConsumer consumer = consumer(Map.of("stream.iggy.prefetch.batches", "0"));
    consumer.fetchMessages(new LongMsgOffset(0), 1000);
    consumer.fetchMessages(new LongMsgOffset(3), 1000);
    _iggy.loseTail(1, 6);

    MessageBatch<byte[]> waiting = consumer.fetchMessages(new LongMsgOffset(6), 1000);
    assertThat(waiting.getMessageCount()).isZero();
    assertThat(waiting.hasDataLoss()).as("reported with the next message, for Pinot to log").isFalse();
    _iggy.append(1, "x");

    MessageBatch<byte[]> batch = consumer.fetchMessages(new LongMsgOffset(6), 1000);
    assertThat(payloads(batch)).as("x took over offset 6").containsExactly("x");
    assertThat(batch.hasDataLoss()).as("g and h were in Iggy at offsets 6 and 7 and are gone").isTrue();
    _iggy.append(1, "y");
    assertThat(consumer.fetchMessages(new LongMsgOffset(7), 1000).hasDataLoss()).isFalse();
  }

  @Test
  void theNextConsumerOfThePartitionKnowsItsLastOffsetToo() {
    _iggy.append(1, "a", "b", "c", "d", "e", "f", "g", "h");
    IggyPartitionGroupConsumer first = consumer(Map.of("stream.iggy.prefetch.batches", "0"));
    first.fetchMessages(new LongMsgOffset(0), 1000);
    first.fetchMessages(new LongMsgOffset(3), 1000);
    first.close();
    _iggy.loseTail(1, 6);
    _iggy.append(1, "x");

    MessageBatch<byte[]> batch = consumer(Map.of("stream.iggy.prefetch.batches", "0"), 6)
        .fetchMessages(new LongMsgOffset(6), 1000);

    assertThat(payloads(batch)).containsExactly("x");
    assertThat(batch.hasDataLoss()).isTrue();
  }

  @Test
  void withoutARecordOfWhatPinotIngestedAReadBeyondTheEndWaitsForItsOffsetAndReportsDataLoss() {
    _iggy.append(1, "a", "b", "c");
    _iggy.purge();
    _iggy.append(1, "new-0");
    IggyPartitionGroupConsumer consumer = consumer(Map.of(), 3);

    MessageBatch<byte[]> empty = consumer.fetchMessages(new LongMsgOffset(3), 1000);
    assertThat(empty.getMessageCount()).isZero();
    assertThat(empty.hasDataLoss()).isFalse();
    _iggy.append(1, "new-1", "new-2", "new-3");

    MessageBatch<byte[]> batch = consumer.fetchMessages(new LongMsgOffset(3), 1000);
    assertThat(payloads(batch)).as("offsets 0 to 2 may be what Pinot holds: never read twice").containsExactly(
        "new-3");
    assertThat(batch.hasDataLoss()).isTrue();
    assertThat(consumer.fetchMessages(new LongMsgOffset(4), 1000).hasDataLoss()).isFalse();
  }

  @Test
  void anEmptyPartitionAtOffsetOneAfterAPurgeIsRecognised() {
    _iggy.append(1, "a");
    _iggy.purge();

    MessageBatch<byte[]> batch = consumer(Map.of(), 1).fetchMessages(new LongMsgOffset(1), 1000);

    assertThat(batch.getMessageCount()).isZero();
    assertThat(_iggy.pollStarts()).as("one poll from offset 0 tells").containsExactly(PollStart.offset(0));
    _iggy.append(1, "n0", "n1");
    assertThat(consumer(Map.of(), 1).fetchMessages(new LongMsgOffset(1), 1000).hasDataLoss()).isFalse();
  }

  @Test
  void theNextOffsetOfAnUpToDatePartitionIsNotMistakenForAPurge() {
    _iggy.append(1, "a");
    IggyPartitionGroupConsumer consumer = consumer(Map.of(), 1);

    MessageBatch<byte[]> batch = consumer.fetchMessages(new LongMsgOffset(1), 1000);

    assertThat(batch.getMessageCount()).isZero();
    assertThat(batch.hasDataLoss()).isFalse();
    assertThat(batch.getOffsetOfNextBatch()).isEqualByComparingTo(new LongMsgOffset(1));
    _iggy.append(1, "b");
    assertThat(payloads(consumer.fetchMessages(new LongMsgOffset(1), 1000))).containsExactly("b");
  }

  @Test
  void errorsPropagateInsteadOfBecomingAnEmptyBatch() {
    _iggy.append(1, "a");
    _iggy.failNext(1, FakeIggyClient::networkDown);

    assertThatThrownBy(() -> consumer(Map.of()).fetchMessages(new LongMsgOffset(0), 1000))
        .isInstanceOf(TransientConsumerException.class).hasMessageContaining("cannot reach Iggy");
  }

  @Test
  void theCommittedStartOfTheSegmentIsMirroredOnceAndCheckpointsAreNot() {
    _iggy.append(1, "a");
    IggyPartitionGroupConsumer consumer = consumer(Map.of("stream.iggy.consumer.group", "pinot-events"), 42);
    assertThat(_iggy.storedOffset(1, "pinot-events")).as("no I/O before the first fetch").isNull();

    consumer.fetchMessages(new LongMsgOffset(42), 1000);
    assertThat(_iggy.storedOffset(1, "pinot-events")).isEqualTo(41);
    assertThat(consumer.checkpoint(new LongMsgOffset(50))).isEqualByComparingTo(new LongMsgOffset(50));
    consumer.fetchMessages(new LongMsgOffset(50), 1000);

    assertThat(_iggy.storedOffset(1, "pinot-events")).as("only what ZooKeeper holds").isEqualTo(41);
  }

  @Test
  void aSegmentStartingAtZeroMirrorsNothing() {
    consumer(Map.of("stream.iggy.consumer.group", "pinot-events"), 0).fetchMessages(new LongMsgOffset(0), 1000);

    assertThat(_iggy.storedOffset(1, "pinot-events")).isNull();
  }

  @Test
  void aFailedMirrorNeverFailsTheFetch() {
    _iggy.append(1, "a");
    IggyPartitionGroupConsumer consumer = consumer(Map.of("stream.iggy.consumer.group", "pinot-events"), 1);
    _iggy.failNext(1, FakeIggyClient::networkDown);

    assertThat(consumer.fetchMessages(new LongMsgOffset(0), 1000).getMessageCount()).isEqualTo(1);
    assertThat(_iggy.storedOffset(1, "pinot-events")).isNull();
  }

  @Test
  void withoutConsumerGroupNothingIsStored() {
    _iggy.append(1, "a");
    consumer(Map.of(), 1).fetchMessages(new LongMsgOffset(1), 1000);

    assertThat(_iggy.storedOffset(1, "pinot-events")).isNull();
  }

  @Test
  void closeReleasesItsOwnAndTheSharedClientOnce() {
    IggyPartitionGroupConsumer consumer = consumer(Map.of());

    consumer.close();
    consumer.close();

    assertThat(_iggy.closeCalls()).isEqualTo(2);
  }
}
