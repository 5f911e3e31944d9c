package org.apache.iggy.connector.pinot.testserver;

/**
 * A consumer from a request.
 *
 * @param group true for a consumer group (kind 2), false for a plain consumer (kind 1)
 * @param id its identifier
 */
record WireConsumer(boolean group, WireId id) {
}
