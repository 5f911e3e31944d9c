package org.apache.iggy.connector.pinot.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.pinot.spi.utils.IngestionConfigUtils;
import org.junit.jupiter.api.Test;

class PartitionIdMappingTest {
  @Test
  void theTopicsOwnIdsMapToTheSameIggyIds() {
    assertThat(PartitionIdMapping.toIggy(0)).isZero();
    assertThat(PartitionIdMapping.toIggy(9_999)).isEqualTo(9_999);
    assertThat(PartitionIdMapping.toPinot(7)).isEqualTo(7);
  }

  @Test
  void partitionGroupIdsOfAMultiTopicTableAreNumberedAsPinotNumbersThem() {
    for (int index = 0; index < 3; index++) {
      for (int partition : new int[] {0, 1, 42}) {
        int group = PartitionIdMapping.toPinotPartitionGroup(index, partition);
        assertThat(group).isEqualTo(IngestionConfigUtils.getPinotPartitionIdFromStreamPartitionId(partition, index));
        assertThat(IngestionConfigUtils.getStreamPartitionIdFromPinotPartitionId(group)).isEqualTo(partition);
      }
    }
  }

  @Test
  void anUntranslatedPartitionGroupIdIsRejectedNamingWhatItStandsFor() {
    assertThatThrownBy(() -> PartitionIdMapping.toIggy(20_004)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition id 20004, a multi-topic partition group id (partition 4 of the table's "
            + "stream config #2)");
    assertThatThrownBy(() -> PartitionIdMapping.toIggy(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PartitionIdMapping.toPinot(10_000)).isInstanceOf(IllegalArgumentException.class);
  }
}
