package org.apache.iggy.connector.pinot.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.junit.jupiter.api.Test;

class SdkSmokeTest {

  @Test
  void sendAndPollThroughTheBlockingSdk() {
    try (IggyTestServer server = IggyTestServer.start()) {
      IggyTcpClient client = LoggedIn.blocking(IggyTcpClient.builder().host(server.host()).port(server.port())
          .credentials("iggy", "iggy"));
      client.streams().createStream("s");
      client.topics().createTopic(StreamId.of("s"), 2L, CompressionAlgorithm.None, BigInteger.ZERO, BigInteger.ZERO,
          Optional.empty(), "t");
      client.messages().sendMessages(StreamId.of("s"), TopicId.of("t"), Partitioning.partitionId(1L),
          List.of(Message.of("hello"), Message.of("world")));

      PolledMessages polled = client.messages().pollMessages(StreamId.of("s"), TopicId.of("t"), Optional.of(1L),
          Consumer.of(0L), PollingStrategy.offset(BigInteger.ZERO), 10L, false);

      assertThat(polled.messages()).hasSize(2);
      assertThat(new String(polled.messages().get(1).payload())).isEqualTo("world");
      assertThat(polled.messages().get(1).header().offset()).isEqualTo(BigInteger.ONE);
      assertThat(polled.currentOffset()).isEqualTo(BigInteger.ONE);
    }
  }
}
