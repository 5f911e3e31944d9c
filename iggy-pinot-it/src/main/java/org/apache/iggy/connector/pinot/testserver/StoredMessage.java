package org.apache.iggy.connector.pinot.testserver;

/**
 * One appended message exactly as the server stores and returns it: the 64-byte header (checksum, id, offset,
 * timestamp, origin timestamp, lengths) followed by payload and user headers.
 *
 * @param offset its offset in the partition
 * @param timestampMicros server append time
 * @param bytes the wire bytes
 */
record StoredMessage(long offset, long timestampMicros, byte[] bytes) {
}
