package org.apache.iggy.connector.pinot.metadata;

/**
 * Maps between Iggy partition ids and Pinot stream partition ids. Iggy 0.8 numbers partitions from 0, and so does
 * Pinot, so the mapping is the identity; keeping it in one place makes that decision explicit and checked. Pinot
 * encodes multi-topic tables as {@code streamIndex * 10000 + partition}, so ids must stay below 10000.
 */
public final class PartitionIdMapping {
  /** Pinot's multi-topic encoding reserves this many partition ids per stream. */
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

  /** The Iggy partition id of a Pinot stream partition id. */
  public static int toIggy(int pinotPartitionId) {
    if (pinotPartitionId < 0 || pinotPartitionId >= MAX_PARTITIONS) {
      throw new IllegalArgumentException("Pinot stream partition id " + pinotPartitionId + " is outside 0.."
          + (MAX_PARTITIONS - 1));
    }
    return pinotPartitionId;
  }
}
