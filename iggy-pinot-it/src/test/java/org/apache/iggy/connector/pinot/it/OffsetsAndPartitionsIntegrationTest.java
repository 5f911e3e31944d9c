package org.apache.iggy.connector.pinot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.apache.pinot.spi.stream.ConsumerPartitionState;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.MessageBatch;
import org.apache.pinot.spi.stream.OffsetCriteria;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.PartitionGroupMetadata;
import org.apache.pinot.spi.stream.PartitionLagState;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamConsumerFactoryProvider;
import org.apache.pinot.spi.stream.StreamMessageMetadata;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partition discovery, offset criteria, lag, data loss and progress mirroring against a server over TCP. */
class OffsetsAndPartitionsIntegrationTest {
  private static final String TOPIC = "clicks";
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private IggyTarget _iggy;
  private String _stream;

  @BeforeEach
  void start() {
    _iggy = IggyTarget.start();
    _stream = _iggy.createTopic(TOPIC, 3);
  }

  @AfterEach
  void stop() {
    _iggy.close();
  }

  private void send(int partition, int count) {
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      messages.add(Message.of("{\"n\":" + i + "}"));
    }
    _iggy.send(_stream, TOPIC, partition, messages);
  }

  private StreamConsumerFactory factory(Map<String, String> overrides) {
    Map<String, String> config = _iggy.streamConfig(_stream, TOPIC);
    config.putAll(overrides);
    return Connector.factory(config);
  }

  private long offset(StreamConsumerFactory factory, int partition, OffsetCriteria criteria) throws Exception {
    try (StreamMetadataProvider provider = factory.createPartitionMetadataProvider("it", partition)) {
      return ((LongMsgOffset) provider.fetchStreamPartitionOffset(criteria, 5000)).getOffset();
    }
  }

  private static OffsetCriteria criteria(String value) {
    return new OffsetCriteria.OffsetCriteriaBuilder().withOffsetString(value);
  }

  @Test
  void partitionDiscoveryPicksUpAddedPartitions() throws Exception {
    StreamConsumerFactory factory = factory(Map.of());
    try (StreamMetadataProvider provider = factory.createStreamMetadataProvider("it")) {
      assertThat(provider.fetchPartitionCount(5000)).isEqualTo(3);
      assertThat(provider.fetchPartitionIds(5000)).containsExactly(0, 1, 2);
      send(1, 5);
      List<PartitionGroupConsumptionStatus> statuses = List.of(
          new PartitionGroupConsumptionStatus(0, 0, new LongMsgOffset(0), null, "IN_PROGRESS"),
          new PartitionGroupConsumptionStatus(1, 0, new LongMsgOffset(0), new LongMsgOffset(3), "DONE"),
          new PartitionGroupConsumptionStatus(2, 0, new LongMsgOffset(0), null, "IN_PROGRESS"));

      _iggy.admin().partitions().createPartitions(StreamId.of(_stream), TopicId.of(TOPIC), 2L);
      send(4, 2);

      assertThat(provider.fetchPartitionIds(5000)).containsExactly(0, 1, 2, 3, 4);
      StreamConfig smallest = new StreamConfig(Connector.TABLE, _iggy.streamConfig(_stream, TOPIC));
      List<PartitionGroupMetadata> groups = provider.computePartitionGroupMetadata("it", smallest, statuses, 5000);
      assertThat(groups).extracting(PartitionGroupMetadata::getPartitionGroupId).containsExactly(0, 1, 2, 3, 4);
      assertThat(groups.get(0).getStartOffset()).isNull();
      assertThat(groups.get(1).getStartOffset()).hasToString("3");
      assertThat(groups.get(3).getStartOffset()).hasToString("0");
      assertThat(groups.get(4).getStartOffset()).hasToString("0");
    }
  }

  @Test
  void largestOnEmptyAndNonEmptyPartitionsAndSmallest() throws Exception {
    send(0, 7);
    StreamConsumerFactory factory = factory(Map.of());

    assertThat(offset(factory, 0, OffsetCriteria.LARGEST_OFFSET_CRITERIA)).isEqualTo(7);
    assertThat(offset(factory, 2, OffsetCriteria.LARGEST_OFFSET_CRITERIA)).isZero();
    assertThat(offset(factory, 0, OffsetCriteria.SMALLEST_OFFSET_CRITERIA)).isZero();
    assertThat(offset(factory, 2, OffsetCriteria.SMALLEST_OFFSET_CRITERIA)).isZero();
  }

  @Test
  void smallestFollowsRetention() throws Exception {
    IggyTestServer server = _iggy.testServer("moving the first retained offset");
    send(0, 10);
    server.deleteBelow(_stream, TOPIC, 0, 6);

    StreamConsumerFactory factory = factory(Map.of());
    assertThat(offset(factory, 0, OffsetCriteria.SMALLEST_OFFSET_CRITERIA)).isEqualTo(6);
    assertThat(offset(factory, 0, OffsetCriteria.LARGEST_OFFSET_CRITERIA)).isEqualTo(10);
  }

  @Test
  void periodAndTimestampCriteriaWithMessagesOnBothSides() throws Exception {
    IggyTestServer server = _iggy.testServer("controlling message timestamps");
    long start = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis()) - TimeUnit.HOURS.toMicros(3);
    AtomicLong clock = new AtomicLong(start);
    server.clock(clock::get);
    send(0, 4);
    clock.addAndGet(TimeUnit.HOURS.toMicros(2));
    send(0, 3);
    StreamConsumerFactory factory = factory(Map.of());
    String between = TIMESTAMP.format(Instant.ofEpochMilli(TimeUnit.MICROSECONDS.toMillis(start)
        + TimeUnit.HOURS.toMillis(1)));

    assertThat(offset(factory, 0, criteria(between))).isEqualTo(4);
    assertThat(offset(factory, 0, criteria("2h"))).isEqualTo(4);
    assertThat(offset(factory, 0, criteria("4h"))).isZero();
    assertThat(offset(factory, 0, criteria("30m"))).as("nothing newer: largest").isEqualTo(7);
    try (StreamMetadataProvider provider = factory.createStreamMetadataProvider("it")) {
      assertThat(provider.getOffsetAtTimestamp(0, TimeUnit.MICROSECONDS.toMillis(start) + 1, 5000)).hasToString("4");
      assertThat(provider.getOffsetAtTimestamp(0, System.currentTimeMillis(), 5000)).isNull();
    }
  }

  @Test
  void latestOffsetsAndLagMatchWhatWasProduced() throws Exception {
    send(0, 40);
    send(1, 15);
    StreamConsumerFactory factory = factory(Map.of());
    try (StreamMetadataProvider provider = factory.createStreamMetadataProvider("it", true)) {
      Map<Integer, ?> latest = provider.fetchLatestStreamOffset(Set.of(0, 1, 2), 5000);
      assertThat(latest.get(0)).hasToString("40");
      assertThat(latest.get(1)).hasToString("15");
      assertThat(latest.get(2)).hasToString("0");

      PartitionGroupConsumer consumer = Connector.consumer(factory, 0);
      MessageBatch<byte[]> batch = Connector.fetch(consumer, 0, 5000);
      StreamMessageMetadata last = batch.getLastMessageMetadata();
      long processedAt = last.getRecordIngestionTimeMs() + 120;
      Map<String, PartitionLagState> lag = provider.getCurrentPartitionLagState(Map.of("0",
          new ConsumerPartitionState("0", new LongMsgOffset(25), processedAt, new LongMsgOffset(40), last)));

      assertThat(lag).containsOnlyKeys("0");
      assertThat(lag.get("0").getRecordsLag()).isEqualTo("15");
      assertThat(lag.get("0").getAvailabilityLagMs()).isEqualTo("120");
      consumer.close();
    }
  }

  @Test
  void retentionPastTheCheckpointIsDataLossAndConsumptionResumesAtTheFirstRetainedOffset() throws Exception {
    IggyTestServer server = _iggy.testServer("deleting messages by retention");
    send(0, 20);
    PartitionGroupConsumer consumer = Connector.consumer(factory(Map.of()), 0);
    assertThat(Connector.fetch(consumer, 0, 5000).getMessageCount()).isEqualTo(20);

    server.deleteBelow(_stream, TOPIC, 0, 12);
    MessageBatch<byte[]> batch = Connector.fetch(consumer, 5, 5000);

    assertThat(batch.hasDataLoss()).isTrue();
    assertThat(batch.getFirstMessageOffset()).hasToString("12");
    assertThat(Connector.next(batch)).isEqualTo(20);
    consumer.close();
  }

  @Test
  void afterAPurgeTheConsumerResumesAtTheNewFirstOffsetAndIngestsNothingTwice() throws Exception {
    IggyTestServer server = _iggy.testServer("purging a topic");
    send(0, 20);
    PartitionGroupConsumer consumer = Connector.consumer(factory(Map.of()), 0);
    assertThat(Connector.fetch(consumer, 0, 5000).getMessageCount()).isEqualTo(20);
    server.purgeTopic(_stream, TOPIC);
    send(0, 3);

    MessageBatch<byte[]> batch = Connector.fetch(consumer, 20, 5000);

    assertThat(batch.getMessageCount()).isEqualTo(3);
    assertThat(batch.getFirstMessageOffset()).hasToString("0");
    assertThat(batch.hasDataLoss()).as("the new messages are all delivered").isFalse();
    consumer.close();
  }

  @Test
  void aConsumerWithoutHistoryWaitsForItsOffsetAfterAPurgeAndReportsDataLoss() throws Exception {
    IggyTestServer server = _iggy.testServer("purging a topic");
    send(0, 20);
    server.purgeTopic(_stream, TOPIC);
    send(0, 3);
    // Another table of the same topic: nothing this JVM delivered before is known for it, as after a restart.
    StreamConsumerFactory restarted = StreamConsumerFactoryProvider.create(new StreamConfig("restarted_REALTIME",
        _iggy.streamConfig(_stream, TOPIC)));
    PartitionGroupConsumer consumer = restarted.createPartitionGroupConsumer("it", new PartitionGroupConsumptionStatus(
        0, 0, new LongMsgOffset(20), null, "IN_PROGRESS"));

    assertThat(Connector.fetch(consumer, 20, 5000).getMessageCount()).isZero();
    send(0, 18);
    MessageBatch<byte[]> batch = Connector.fetch(consumer, 20, 5000);

    assertThat(batch.getFirstMessageOffset()).hasToString("20");
    assertThat(batch.getMessageCount()).isEqualTo(1);
    assertThat(batch.hasDataLoss()).isTrue();
    consumer.close();
  }

  @Test
  void topicsAreListedWithTheNamesIggyReports() throws Exception {
    _iggy.admin().topics().createTopic(StreamId.of(_stream), 1L, CompressionAlgorithm.None, BigInteger.ZERO,
        BigInteger.ZERO, Optional.empty(), "audit-log");

    try (StreamMetadataProvider provider = factory(Map.of()).createStreamMetadataProvider("it")) {
      assertThat(provider.getTopics()).extracting(StreamMetadataProvider.TopicMetadata::getName)
          .containsExactly(TOPIC, "audit-log");
    }
    try (StreamMetadataProvider provider = factory(Map.of("stream.iggy.stream.id", "no-such-stream"))
        .createStreamMetadataProvider("it")) {
      assertThatThrownBy(provider::getTopics).isInstanceOf(PermanentConsumerException.class)
          .hasMessageContaining("stream 'no-such-stream' not found");
    }
  }

  @Test
  void theCommittedStartOfTheConsumingSegmentIsMirrored() throws Exception {
    send(2, 60);
    PartitionGroupConsumer consumer = factory(Map.of("stream.iggy.consumer.group", "pinot-clicks"))
        .createPartitionGroupConsumer("it", new PartitionGroupConsumptionStatus(2, 2, new LongMsgOffset(30), null,
            "IN_PROGRESS"));
    MessageBatch<byte[]> batch = Connector.fetch(consumer, 30, 5000);
    consumer.checkpoint(batch.getOffsetOfNextBatch());

    Consumer mirrored = Consumer.of(ConsumerId.of("pinot-clicks"));
    assertThat(_iggy.admin().consumerOffsets().getConsumerOffset(StreamId.of(_stream), TopicId.of(TOPIC),
        Optional.of(2L), mirrored).orElseThrow().storedOffset().longValue()).as("never beyond ZooKeeper's offset")
        .isEqualTo(29);
    consumer.close();
  }
}
