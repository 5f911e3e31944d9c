package org.apache.iggy.connector.pinot.metadata;

/**
 * Maps between Iggy partition ids and the stream partition ids Pinot hands the plugin. Iggy 0.8 numbers partitions
 * from 0, and so does Pinot, so the mapping is the identity; keeping it in one place makes that decision explicit and
 * checked.
 *
 * <p>A multi-topic table ({@code streamConfigMaps} with several entries) numbers the partition groups of stream config
 * {@code i} from {@code i * 10000}. Pinot 1.3+ translates such a partition group id to the topic's own partition id
 * before it calls the plugin (consumers get both in {@code PartitionGroupConsumptionStatus}; metadata providers,
 * latest offsets and lag get the topic's own ids), so the plugin only ever sees ids below 10000. An id of 10000 or
 * more is a partition group id that reached the plugin untranslated (Pinot 1.5.1's {@code
 * StatelessRealtimeSegmentWriter} does that, with the first stream config for every partition): it is rejected, since
 * its remainder names a partition of another stream config's topic and reading it here would ingest the wrong data.
 */
public final class PartitionIdMapping {
  /** Pinot's multi-topic encoding reserves this many partition ids per stream config. */
  public static final int MAX_PARTITIONS = 10_000;

  private PartitionIdMapping() {
  }

  /** The Pinot stream partition id of an Iggy partition. */
  public static int toPinot(int iggyPartitionId) {
    if (iggyPartitionId < 0 || iggyPartitionId >= MAX_PARTITIONS) {
      throw new IllegalArgumentException("Iggy partition id " + iggyPartitionId + " is outside 0.." + (MAX_PARTITIONS
          - 1) + ", which Pinot can address");
    }
    return iggyPartitionId;
  }

  /**
   * The Iggy partition id of the stream partition id Pinot passed.
   *
   * @throws IllegalArgumentException for a negative id, and for a multi-topic partition group id (10000 or more),
   *     naming the stream config and partition it stands for
   */
  public static int toIggy(int streamPartitionId) {
    if (streamPartitionId >= MAX_PARTITIONS) {
      throw new IllegalArgumentException("Pinot passed partition id " + streamPartitionId + ", a multi-topic "
          + "partition group id (partition " + streamPartitionId % MAX_PARTITIONS + " of the table's stream config #"
          + streamPartitionId / MAX_PARTITIONS + "), not a partition of this stream config's topic: the caller did "
          + "not translate it to the topic's own partition id, and reading partition " + streamPartitionId
          % MAX_PARTITIONS + " of this topic would ingest another topic's data");
    }
    if (streamPartitionId < 0) {
      throw new IllegalArgumentException("Pinot stream partition id " + streamPartitionId + " is outside 0.."
          + (MAX_PARTITIONS - 1));
    }
    return streamPartitionId;
  }

  /** The partition group id Pinot gives an Iggy partition of stream config {@code streamConfigIndex}. */
  public static int toPinotPartitionGroup(int streamConfigIndex, int iggyPartitionId) {
    return streamConfigIndex * MAX_PARTITIONS + toPinot(iggyPartitionId);
  }
}
