package org.apache.iggy.connector.pinot.client;

import java.util.Map;

/**
 * One polled Iggy message.
 *
 * @param offset the message offset in its partition
 * @param timestampMicros server append time, microseconds since the epoch
 * @param originTimestampMicros the producer's timestamp, 0 when absent
 * @param id the 128-bit message id as an unsigned decimal string
 * @param payload the payload bytes
 * @param headers the user headers, converted to Java values (String, Boolean, Long, Double, byte[] ...)
 * @param sizeInBytes the full message size on the wire (header, payload and user headers)
 */
public record IggyRecord(long offset, long timestampMicros, long originTimestampMicros, String id, byte[] payload,
    Map<String, Object> headers, int sizeInBytes) {
}
