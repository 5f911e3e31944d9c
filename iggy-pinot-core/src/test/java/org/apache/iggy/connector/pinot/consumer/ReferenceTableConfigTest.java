package org.apache.iggy.connector.pinot.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.stream.LongMsgOffsetFactory;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamConsumerFactoryProvider;
import org.apache.pinot.spi.utils.JsonUtils;
import org.junit.jupiter.api.Test;

/** The table config users copy from the upstream README, run through Pinot's own stream-config code. */
class ReferenceTableConfigTest {

  private static Map<String, String> referenceStreamConfigs() throws IOException {
    try (InputStream in = ReferenceTableConfigTest.class.getResourceAsStream("/reference-table-config.json")) {
      TableConfig tableConfig = JsonUtils.inputStreamToObject(in, TableConfig.class);
      return new HashMap<>(tableConfig.getIndexingConfig().getStreamConfigs());
    }
  }

  @Test
  void pinotRejectsTheUpstreamExampleWithoutTopicName() throws IOException {
    Map<String, String> streamConfigs = referenceStreamConfigs();

    assertThatThrownBy(() -> new StreamConfig("events_REALTIME", streamConfigs))
        .hasMessageContaining("stream.iggy.topic.name");
  }

  @Test
  void theUpstreamExamplePlusTopicNameYieldsOurFactory() throws IOException {
    Map<String, String> streamConfigs = referenceStreamConfigs();
    streamConfigs.put("stream.iggy.topic.name", "user-events");
    StreamConfig streamConfig = new StreamConfig("events_REALTIME", streamConfigs);

    StreamConsumerFactory factory = StreamConsumerFactoryProvider.create(streamConfig);

    assertThat(factory).isInstanceOf(IggyConsumerFactory.class);
    assertThat(factory.createStreamMsgOffsetFactory()).isInstanceOf(LongMsgOffsetFactory.class);
    assertThat(streamConfig.getDecoderClass())
        .isEqualTo("org.apache.iggy.connector.pinot.decoder.IggyJsonMessageDecoder");
    IggyStreamConfig config = IggyStreamConfig.from(streamConfig);
    assertThat(config.connection().host()).isEqualTo("localhost");
    assertThat(config.connection().port()).isEqualTo(8090);
    assertThat(config.connection().poolSize()).isEqualTo(8);
    assertThat(config.stream().name()).isEqualTo("analytics");
    assertThat(config.topic().name()).isEqualTo("user-events");
    assertThat(config.consumerGroup()).isEqualTo("pinot-events-consumer");
    assertThat(config.pollBatchSize()).isEqualTo(1000);
  }

  @Test
  void topicNameAloneIsEnoughForTheTopic() throws IOException {
    Map<String, String> streamConfigs = referenceStreamConfigs();
    streamConfigs.remove("stream.iggy.topic.id");
    streamConfigs.put("stream.iggy.topic.name", "user-events");

    StreamConsumerFactory factory = StreamConsumerFactoryProvider.create(new StreamConfig("events_REALTIME",
        streamConfigs));

    assertThat(factory).isInstanceOf(IggyConsumerFactory.class);
  }

  @Test
  void aBadIggyKeyFailsProviderAndConsumerCreationNamingTheKey() throws IOException {
    Map<String, String> streamConfigs = referenceStreamConfigs();
    streamConfigs.put("stream.iggy.topic.name", "user-events");
    streamConfigs.remove("stream.iggy.host");
    StreamConsumerFactory factory = StreamConsumerFactoryProvider.create(new StreamConfig("events_REALTIME",
        streamConfigs));

    assertThatThrownBy(() -> factory.createStreamMetadataProvider("c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream.iggy.host is required");
  }
}
