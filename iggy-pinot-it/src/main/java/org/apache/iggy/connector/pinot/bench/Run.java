package org.apache.iggy.connector.pinot.bench;

/**
 * One measured run of one side of a comparison.
 *
 * @param rows what it read
 * @param checksum the order-sensitive checksum of what it read ({@link PayloadChecksum} or {@link RowChecksum})
 * @param nanos how long reading took
 * @param extra a second figure of the run (a share of time, a lag), or NaN
 */
record Run(long rows, long checksum, long nanos, double extra) {
  static Run of(long rows, long checksum, long nanos) {
    return new Run(rows, checksum, nanos, Double.NaN);
  }

  double rowsPerSecond() {
    return nanos <= 0 ? 0 : rows * 1e9 / nanos;
  }

  /** One side of a comparison, run once per call. */
  @FunctionalInterface
  interface Side {
    Run run() throws Exception;
  }
}
