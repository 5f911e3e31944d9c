package org.apache.iggy.connector.pinot.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.iggy.connector.pinot.client.PolledMessage;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.config.IggyResourceId;
import org.junit.jupiter.api.Test;

class DeliveredHistoryTest {
  private static final TopicRef TOPIC = new TopicRef(IggyResourceId.parse("s"), IggyResourceId.parse("t"));

  private static PartitionKey partition(int id) {
    return new PartitionKey("events_REALTIME", "localhost:8090", TOPIC, id);
  }

  private static DeliveredWindow window(long offset) {
    return DeliveredWindow.of(null, List.of(new PolledMessage(offset, 1, 0, 7, new byte[0], 64, 0, 0, null)),
        offset);
  }

  @Test
  void aPartitionKeepsItsLastWindow() {
    DeliveredHistory history = new DeliveredHistory();
    history.put(partition(1), window(4));
    history.put(partition(1), window(9));

    assertThat(history.get(partition(1)).partitionLastOffset()).isEqualTo(9);
    assertThat(history.get(partition(2))).isNull();
  }

  @Test
  void beyondTheBoundThePartitionUpdatedLeastRecentlyIsForgotten() {
    DeliveredHistory history = new DeliveredHistory();
    for (int id = 0; id < DeliveredHistory.MAX_PARTITIONS; id++) {
      history.put(partition(id), window(id));
    }
    history.put(partition(0), window(100));

    history.put(partition(DeliveredHistory.MAX_PARTITIONS), window(5));

    assertThat(history.get(partition(1))).as("updated least recently").isNull();
    assertThat(history.get(partition(0)).partitionLastOffset()).as("updated again before the new one").isEqualTo(100);
    assertThat(history.get(partition(2))).isNotNull();
    assertThat(history.get(partition(DeliveredHistory.MAX_PARTITIONS))).isNotNull();
  }
}
