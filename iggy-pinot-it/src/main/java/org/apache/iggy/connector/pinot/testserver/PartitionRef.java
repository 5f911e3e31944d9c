package org.apache.iggy.connector.pinot.testserver;

/**
 * A partition by stream and topic name, as the per-partition fault hooks name it.
 *
 * @param stream stream name
 * @param topic topic name
 * @param partition partition id
 */
record PartitionRef(String stream, String topic, long partition) {
}
