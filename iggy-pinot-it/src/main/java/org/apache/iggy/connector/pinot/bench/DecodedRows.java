package org.apache.iggy.connector.pinot.bench;

import org.apache.pinot.spi.data.readers.GenericRow;
import org.apache.pinot.spi.stream.StreamMessageDecoder;

/** Decodes every payload into one reused row, as Pinot's consumer thread does, and checksums the rows. */
final class DecodedRows implements Sink {
  private final StreamMessageDecoder<byte[]> _decoder;
  private final RowChecksum _rows = new RowChecksum();
  private final GenericRow _row = new GenericRow();

  DecodedRows(StreamMessageDecoder<byte[]> decoder) {
    _decoder = decoder;
  }

  @Override
  public void add(byte[] payload) {
    _row.clear();
    _rows.add(_decoder.decode(payload, _row));
  }

  @Override
  public long value() {
    return _rows.value();
  }
}
