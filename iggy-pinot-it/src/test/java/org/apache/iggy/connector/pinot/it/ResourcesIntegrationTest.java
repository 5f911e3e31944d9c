package org.apache.iggy.connector.pinot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.iggy.connector.pinot.client.IggyClients;
import org.apache.iggy.message.Message;
import org.apache.pinot.spi.stream.PartitionGroupConsumer;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMetadataProvider;
import org.junit.jupiter.api.Test;

/** Pinot re-creates consumers and providers all the time: that must leak neither threads nor connections. */
class ResourcesIntegrationTest {

  /** Netty names event-loop threads "<group>-<n>"; the groups that existed before belong to the test's own clients. */
  private static Set<String> eventLoopGroups() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(name -> name.startsWith("multiThreadIoEventLoopGroup-"))
        .map(name -> name.substring(0, name.lastIndexOf('-'))).collect(Collectors.toSet());
  }

  private static List<String> connectorThreads(Set<String> groupsBefore) {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(name -> name.equals("iggy-client-sweeper") || name.startsWith("multiThreadIoEventLoopGroup-")
            && !groupsBefore.contains(name.substring(0, name.lastIndexOf('-')))).sorted().toList();
  }

  @Test
  void creatingAndClosingAThousandConsumersLeavesNoThreadsAndNoConnections() throws Exception {
    try (IggyTarget iggy = IggyTarget.start()) {
      String stream = iggy.createTopic("t", 2);
      iggy.send(stream, "t", 1, List.of(Message.of("{\"x\":1}")));
      StreamConsumerFactory factory = Connector.factory(iggy.streamConfig(stream, "t"));
      Set<String> groupsBefore = eventLoopGroups();
      int connectionsBefore = iggy.isRealServer() ? 0 : iggy.testServer("counting connections").connectionCount();

      for (int i = 0; i < 1000; i++) {
        PartitionGroupConsumer consumer = Connector.consumer(factory, i % 2);
        if (i % 100 == 0) {
          assertThat(Connector.fetch(consumer, 0, 5000).getMessageCount()).isEqualTo(i % 2);
          try (StreamMetadataProvider provider = factory.createPartitionMetadataProvider("it", 0)) {
            assertThat(provider.fetchPartitionCount(5000)).isEqualTo(2);
          }
        }
        consumer.close();
      }

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while ((IggyClients.global().openClients() > 0 || !connectorThreads(groupsBefore).isEmpty())
          && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
      assertThat(IggyClients.global().openClients()).isZero();
      assertThat(connectorThreads(groupsBefore)).isEmpty();
      if (!iggy.isRealServer()) {
        assertThat(iggy.testServer("counting connections").connectionCount()).as("the test's own client only")
            .isEqualTo(connectionsBefore);
      }
    }
  }
}
