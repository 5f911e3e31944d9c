package org.apache.iggy.connector.pinot.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iggy.connector.pinot.client.IggyClients;
import org.apache.iggy.connector.pinot.client.PollStart;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.iggy.connector.pinot.testing.FakeIggyClient;
import org.apache.iggy.connector.pinot.testing.TestConfigs;
import org.apache.pinot.spi.stream.ConsumerPartitionState;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.OffsetCriteria;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.PartitionGroupMetadata;
import org.apache.pinot.spi.stream.PartitionLagState;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamMessageMetadata;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.junit.jupiter.api.Test;

class IggyStreamMetadataProviderTest {
  private final FakeIggyClient _iggy = new FakeIggyClient(3);
  private final IggyStreamConfig _config = TestConfigs.config(Map.of());
  private final IggyClients _clients = new IggyClients(settings -> _iggy, Duration.ZERO);

  private IggyStreamMetadataProvider partitionProvider(int partition) {
    return new IggyStreamMetadataProvider("test", _config, _clients, partition);
  }

  private IggyStreamMetadataProvider streamProvider() {
    return new IggyStreamMetadataProvider("test", _config, _clients);
  }

  private static OffsetCriteria criteria(String value) {
    return new OffsetCriteria.OffsetCriteriaBuilder().withOffsetString(value);
  }

  private long offset(IggyStreamMetadataProvider provider, OffsetCriteria criteria) {
    return ((LongMsgOffset) provider.fetchStreamPartitionOffset(criteria, 1000)).getOffset();
  }

  @Test
  void partitionCountAndIdsAreTheLiveSet() {
    assertThat(streamProvider().fetchPartitionCount(1000)).isEqualTo(3);
    assertThat(streamProvider().fetchPartitionIds(1000)).containsExactly(0, 1, 2);

    _iggy.addPartitions(2);

    assertThat(streamProvider().fetchPartitionIds(1000)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void topicsAreTheStreamsTopicsWithTheNamesIggyReports() {
    _iggy.topicNames("user-events", "orders");

    assertThat(streamProvider().getTopics()).extracting(topic -> topic.getName()).containsExactly("user-events",
        "orders");
  }

  @Test
  void largestIsTheOffsetTheNextMessageGets() {
    assertThat(offset(partitionProvider(0), OffsetCriteria.LARGEST_OFFSET_CRITERIA)).isZero();

    _iggy.append(0, "a");
    assertThat(offset(partitionProvider(0), OffsetCriteria.LARGEST_OFFSET_CRITERIA)).isEqualTo(1);

    _iggy.append(0, "b", "c");
    _iggy.deleteBelow(0, 2);
    assertThat(offset(partitionProvider(0), OffsetCriteria.LARGEST_OFFSET_CRITERIA)).isEqualTo(3);
  }

  @Test
  void smallestIsTheFirstRetainedOffset() {
    assertThat(offset(partitionProvider(1), OffsetCriteria.SMALLEST_OFFSET_CRITERIA)).isZero();

    _iggy.append(1, "a", "b", "c", "d");
    assertThat(offset(partitionProvider(1), OffsetCriteria.SMALLEST_OFFSET_CRITERIA)).isZero();

    _iggy.deleteBelow(1, 3);
    assertThat(offset(partitionProvider(1), OffsetCriteria.SMALLEST_OFFSET_CRITERIA)).isEqualTo(3);
    assertThat(_iggy.pollStarts()).contains(PollStart.first());
  }

  @Test
  void timestampCriteriaStartAtTheFirstMessageAtOrAfterThatTime() {
    long before = _iggy.append(2, "old-0", "old-1");
    long after = _iggy.append(2, "new-2", "new-3");
    String between = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)
        .format(Instant.ofEpochMilli((before + after) / 2 / 1000));
    String beforeAll = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)
        .format(Instant.ofEpochMilli(before / 1000 - 60_000));

    assertThat(offset(partitionProvider(2), criteria(between))).isEqualTo(2);
    assertThat(offset(partitionProvider(2), criteria(beforeAll))).isZero();
    assertThat(_iggy.pollStarts()).contains(PollStart.timestampMicros(((before + after) / 2 / 1000) * 1000));
  }

  @Test
  void nothingNewerThanTheCriteriaFallsBackToLargest() {
    _iggy.append(2, "a", "b");

    assertThat(offset(partitionProvider(2), criteria("1h"))).isEqualTo(2);
  }

  @Test
  void aPeriodCoveringTheDataStartsAtItsFirstMessage() {
    _iggy.deleteBelow(2, 0);
    _iggy.append(2, "a", "b");

    assertThat(offset(partitionProvider(2), criteria("100000d"))).isZero();
  }

  @Test
  void customCriteriaAreRejected() {
    assertThatThrownBy(() -> partitionProvider(0).fetchStreamPartitionOffset(criteria("earliest"), 1000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earliest");
  }

  @Test
  void aStreamLevelProviderRefusesPartitionOffsets() {
    assertThatThrownBy(() -> streamProvider().fetchStreamPartitionOffset(OffsetCriteria.SMALLEST_OFFSET_CRITERIA,
        1000)).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("partition-level");
  }

  @Test
  void aMissingPartitionIsPermanent() {
    assertThatThrownBy(() -> partitionProvider(7).fetchStreamPartitionOffset(
        OffsetCriteria.LARGEST_OFFSET_CRITERIA, 1000)).isInstanceOf(PermanentConsumerException.class)
        .hasMessageContaining("partition 7 not found");
  }

  @Test
  void latestOffsetsOfManyPartitionsInOneCall() {
    _iggy.append(0, "a", "b");
    _iggy.append(2, "c");

    Map<Integer, ?> latest = streamProvider().fetchLatestStreamOffset(Set.of(0, 1, 2), 1000);

    assertThat(latest).hasSize(3);
    assertThat(latest.get(0)).hasToString("2");
    assertThat(latest.get(1)).hasToString("0");
    assertThat(latest.get(2)).hasToString("1");
    assertThat(_iggy.fetchTopicCalls()).isEqualTo(1);
  }

  @Test
  void latestOffsetsSkipAPartitionThatDoesNotExistSoTheOthersStillReport() {
    _iggy.append(0, "a");

    Map<Integer, ?> latest = streamProvider().fetchLatestStreamOffset(Set.of(0, 9), 1000);

    assertThat(latest).containsOnlyKeys(0);
    assertThat(latest.get(0)).hasToString("1");
  }

  @Test
  void partitionGroupsReuseEndOffsetsAndResolveTheCriteriaForNewPartitions() {
    _iggy.append(0, "a", "b", "c");
    _iggy.append(2, "d", "e");
    _iggy.deleteBelow(2, 1);
    StreamConfig smallest = TestConfigs.streamConfig(Map.of("stream.iggy.consumer.prop.auto.offset.reset",
        "smallest"));
    List<PartitionGroupConsumptionStatus> statuses = List.of(
        new PartitionGroupConsumptionStatus(0, 4, new LongMsgOffset(0), new LongMsgOffset(3), "DONE"),
        new PartitionGroupConsumptionStatus(1, 2, new LongMsgOffset(0), null, "IN_PROGRESS"));

    List<PartitionGroupMetadata> groups = streamProvider().computePartitionGroupMetadata("c", smallest, statuses,
        1000);

    assertThat(groups).extracting(PartitionGroupMetadata::getPartitionGroupId).containsExactly(0, 1, 2);
    assertThat(groups.get(0).getStartOffset()).hasToString("3");
    assertThat(groups.get(1).getStartOffset()).isNull();
    assertThat(groups.get(2).getStartOffset()).hasToString("1");
  }

  @Test
  void partitionGroupsWorkForSparseStatusesAndNewPartitions() {
    _iggy.addPartitions(1);
    StreamConfig largest = TestConfigs.streamConfig(Map.of());
    List<PartitionGroupConsumptionStatus> statuses = List.of(
        new PartitionGroupConsumptionStatus(2, 1, new LongMsgOffset(0), new LongMsgOffset(0), "DONE"));

    List<PartitionGroupMetadata> groups = streamProvider().computePartitionGroupMetadata("c", largest, statuses,
        1000);

    assertThat(groups).extracting(PartitionGroupMetadata::getPartitionGroupId).containsExactly(0, 1, 2, 3);
    assertThat(groups).allSatisfy(group -> assertThat(group.getStartOffset()).hasToString("0"));
  }

  @Test
  void partitionGroupsFailWholeNeverPartially() {
    StreamConfig smallest = TestConfigs.streamConfig(Map.of("stream.iggy.consumer.prop.auto.offset.reset",
        "smallest"));
    IggyStreamMetadataProvider provider = streamProvider();
    _iggy.failNext(1, () -> new IllegalStateException("boom"));

    assertThatThrownBy(() -> provider.computePartitionGroupMetadata("c", smallest, List.of(), 1000))
        .isInstanceOf(TransientConsumerException.class).hasMessageContaining("boom");
  }

  @Test
  void lagStateKeepsTheKeysAndComputesRecordsAndAvailabilityLag() {
    StreamMessageMetadata lastRow = new StreamMessageMetadata.Builder()
        .setOffset(new LongMsgOffset(9), new LongMsgOffset(10)).setRecordIngestionTimeMs(1_000_000L).build();
    Map<String, ConsumerPartitionState> states = Map.of(
        "0", new ConsumerPartitionState("0", new LongMsgOffset(10), 1_000_250L, new LongMsgOffset(25), lastRow),
        "1", new ConsumerPartitionState("1", new LongMsgOffset(10), 0, null, null));

    Map<String, PartitionLagState> lag = streamProvider().getCurrentPartitionLagState(states);

    assertThat(lag).containsOnlyKeys("0", "1");
    assertThat(lag.get("0").getRecordsLag()).isEqualTo("15");
    assertThat(lag.get("0").getAvailabilityLagMs()).isEqualTo("250");
    assertThat(lag.get("1").getRecordsLag()).isEqualTo(PartitionLagState.NOT_CALCULATED);
    assertThat(lag.get("1").getAvailabilityLagMs()).isEqualTo(PartitionLagState.NOT_CALCULATED);
  }

  @Test
  void offsetAtTimestampIsNullWhenNothingIsNewer() {
    long micros = _iggy.append(0, "a", "b");

    assertThat(streamProvider().getOffsetAtTimestamp(0, micros / 1000, 1000)).hasToString("0");
    assertThat(streamProvider().getOffsetAtTimestamp(0, micros / 1000 + 1, 1000)).isNull();
  }

  @Test
  void supportsOffsetLag() {
    assertThat(streamProvider().supportsOffsetLag()).isTrue();
  }

  @Test
  void closeReleasesTheClientOnce() {
    IggyStreamMetadataProvider provider = partitionProvider(0);

    provider.close();
    provider.close();

    assertThat(_iggy.closeCalls()).isEqualTo(1);
  }
}
