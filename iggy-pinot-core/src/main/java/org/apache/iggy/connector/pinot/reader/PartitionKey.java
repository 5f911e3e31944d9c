package org.apache.iggy.connector.pinot.reader;

import org.apache.iggy.connector.pinot.client.TopicRef;

/**
 * One partition as one table reads it from one server.
 *
 * @param table the table (two tables reading one topic are consumed independently)
 * @param server the server address
 * @param topic the topic
 * @param partitionId the Iggy partition
 */
record PartitionKey(String table, String server, TopicRef topic, int partitionId) {
}
