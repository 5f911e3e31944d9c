package org.apache.iggy.connector.pinot.bench;

/** Takes the payloads a reader reads, in order, and sums them up into a checksum. */
interface Sink {
  void add(byte[] payload);

  long value();
}
