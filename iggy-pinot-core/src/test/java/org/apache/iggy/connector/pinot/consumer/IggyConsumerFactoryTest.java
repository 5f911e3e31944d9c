package org.apache.iggy.connector.pinot.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyClients;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.apache.iggy.connector.pinot.metadata.IggyStreamMetadataProvider;
import org.apache.iggy.connector.pinot.metadata.SynchronizedIggyStreamMetadataProvider;
import org.apache.iggy.connector.pinot.reader.DeliveredHistory;
import org.apache.iggy.connector.pinot.testing.FakeIggyClient;
import org.apache.iggy.connector.pinot.testing.TestConfigs;
import org.apache.pinot.spi.stream.LongMsgOffset;
import org.apache.pinot.spi.stream.LongMsgOffsetFactory;
import org.apache.pinot.spi.stream.OffsetCriteria;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.PartitionGroupConsumptionStatus;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.apache.pinot.spi.utils.retry.FixedDelayRetryPolicy;
import org.junit.jupiter.api.Test;

class IggyConsumerFactoryTest {
  private final FakeIggyClient _iggy = new FakeIggyClient(4);
  private final List<IggyConnectionSettings> _borrowed = new ArrayList<>();

  private IggyConsumerFactory factory(Map<String, String> overrides) {
    IggyConsumerFactory factory = new IggyConsumerFactory(new IggyClients(settings -> {
      _borrowed.add(settings);
      return _iggy;
    }, Duration.ZERO), new DeliveredHistory());
    factory.init(TestConfigs.streamConfig(overrides));
    return factory;
  }

  @Test
  void initValidatesWithoutTouchingTheNetwork() {
    IggyConsumerFactory factory = factory(Map.of("stream.iggy.port", "9191"));

    assertThat(factory.config().connection().port()).isEqualTo(9191);
    assertThat(_borrowed).isEmpty();
    assertThat(_iggy.connectCalls() + _iggy.fetchTopicCalls() + _iggy.pollCalls()).isZero();
    IggyConsumerFactory invalid = factory(Map.of("stream.iggy.port", "x"));
    assertThatThrownBy(() -> invalid.createStreamMetadataProvider("c")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stream.iggy.port: 'x' is not valid");
    assertThatThrownBy(() -> invalid.createPartitionGroupConsumer("c", new PartitionGroupConsumptionStatus(0, 0,
        new LongMsgOffset(0), null, "IN_PROGRESS"))).hasMessageContaining("stream.iggy.port");
    assertThat(_borrowed).isEmpty();
  }

  @Test
  void consumersAreKeyedByTheStreamPartitionId() throws Exception {
    _iggy.append(3, "from-partition-3");
    PartitionGroupConsumptionStatus status = new PartitionGroupConsumptionStatus(10_003, 3, 0,
        new LongMsgOffset(0), null, "IN_PROGRESS");

    PartitionGroupConsumer consumer = factory(Map.of()).createPartitionGroupConsumer("c", status);

    byte[] payload = (byte[]) consumer.fetchMessages(new LongMsgOffset(0), 1000).getStreamMessage(0).getValue();
    assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("from-partition-3");
    assertThat(_borrowed).as("a client of its own and the shared metadata client").hasSize(2);
  }

  @Test
  void theRetryPolicyOverloadRetriesConnectionSetUp() {
    _iggy.failNext(2, FakeIggyClient::networkDown);
    PartitionGroupConsumptionStatus status = new PartitionGroupConsumptionStatus(0, 0, new LongMsgOffset(0), null,
        "IN_PROGRESS");

    PartitionGroupConsumer consumer = factory(Map.of()).createPartitionGroupConsumer("c", status,
        new FixedDelayRetryPolicy(5, 1));

    assertThat(consumer).isNotNull();
    assertThat(_iggy.connectCalls()).isEqualTo(3);
  }

  @Test
  void theRetryPolicyOverloadGivesUpWithATransientErrorAndReleasesTheClient() {
    _iggy.failNext(10, FakeIggyClient::networkDown);
    PartitionGroupConsumptionStatus status = new PartitionGroupConsumptionStatus(0, 0, new LongMsgOffset(0), null,
        "IN_PROGRESS");

    assertThatThrownBy(() -> factory(Map.of()).createPartitionGroupConsumer("c", status,
        new FixedDelayRetryPolicy(3, 1))).isInstanceOf(TransientConsumerException.class)
        .hasMessageContaining("cannot connect to Iggy at localhost:8090");
    assertThat(_iggy.closeCalls()).as("both clients given back").isEqualTo(2);
  }

  @Test
  void theRetryPolicyOverloadKeepsAPermanentFailurePermanent() {
    _iggy.failNext(10, () -> IggyErrors.permanentError(FailureKind.AUTH, "Iggy authentication failed for user "
        + "'iggy'", null));
    PartitionGroupConsumptionStatus status = new PartitionGroupConsumptionStatus(0, 0, new LongMsgOffset(0), null,
        "IN_PROGRESS");

    assertThatThrownBy(() -> factory(Map.of()).createPartitionGroupConsumer("c", status,
        new FixedDelayRetryPolicy(3, 1))).isInstanceOf(PermanentConsumerException.class)
        .hasMessage("Iggy authentication failed for user 'iggy'");
    assertThat(_iggy.connectCalls()).as("no retry").isEqualTo(1);
    assertThat(_iggy.closeCalls()).as("both clients given back").isEqualTo(2);
  }

  @Test
  void aConsumerThatCannotBeCreatedBorrowsNothing() {
    // Partition 3 of a multi-topic table's second stream config, left untranslated by the caller (as Pinot 1.5.1's
    // StatelessRealtimeSegmentWriter does): reading partition 3 of this factory's topic would ingest another topic.
    PartitionGroupConsumptionStatus status = new PartitionGroupConsumptionStatus(10_003, 10_003, 0,
        new LongMsgOffset(0), null, "IN_PROGRESS");

    assertThatThrownBy(() -> factory(Map.of()).createPartitionGroupConsumer("c", status))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition id 10003, a multi-topic partition group id (partition 3 of the table's "
            + "stream config #1)");
    assertThatThrownBy(() -> factory(Map.of()).createPartitionMetadataProvider("c", 10_003))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did not translate");
    assertThat(_borrowed).isEmpty();
  }

  @Test
  void metadataProviders() throws Exception {
    IggyConsumerFactory factory = factory(Map.of());
    _iggy.append(2, "a");

    try (StreamMetadataProvider partition = factory.createPartitionMetadataProvider("c", 2);
        StreamMetadataProvider stream = factory.createStreamMetadataProvider("c");
        StreamMetadataProvider shared = factory.createStreamMetadataProvider("c", true);
        StreamMetadataProvider notShared = factory.createStreamMetadataProvider("c", false)) {
      assertThat(partition.fetchStreamPartitionOffset(OffsetCriteria.LARGEST_OFFSET_CRITERIA, 1000)).hasToString(
          "1");
      assertThat(stream.fetchPartitionCount(1000)).isEqualTo(4);
      assertThat(shared).isInstanceOf(SynchronizedIggyStreamMetadataProvider.class);
      assertThat(notShared).isExactlyInstanceOf(IggyStreamMetadataProvider.class);
    }
    assertThat(_borrowed).as("one client shared by every metadata provider").hasSize(1);
    assertThat(_iggy.closeCalls()).as("closed once, after the last provider").isEqualTo(1);
  }

  @Test
  void offsetsAreLongs() {
    assertThat(factory(Map.of()).createStreamMsgOffsetFactory()).isInstanceOf(LongMsgOffsetFactory.class);
  }
}
