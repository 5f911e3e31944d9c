package org.apache.iggy.connector.pinot.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.junit.jupiter.api.Test;

class IggyRawBytesMessageDecoderTest {

  private static IggyRawBytesMessageDecoder decoder(Map<String, String> props) {
    IggyRawBytesMessageDecoder decoder = new IggyRawBytesMessageDecoder();
    decoder.init(props, Set.of(), "t");
    return decoder;
  }

  @Test
  void putsTheExactSliceIntoTheDefaultBytesColumn() {
    byte[] buffer = {9, 1, 2, 3, 9};

    GenericRow row = decoder(Map.of()).decode(buffer, 1, 3, new GenericRow());

    assertThat((byte[]) row.getValue("payload")).containsExactly(1, 2, 3);
  }

  @Test
  void stringModeAndColumnName() {
    GenericRow row = decoder(Map.of("column.name", "raw", "format", "STRING"))
        .decode("héllo".getBytes(StandardCharsets.UTF_8), new GenericRow());

    assertThat(row.getFieldToValueMap()).containsExactly(Map.entry("raw", "héllo"));
  }

  @Test
  void badPropertiesNameTheKeyAndTheAllowedValues() {
    assertThatThrownBy(() -> decoder(Map.of("format", "hex"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'format'").hasMessageContaining("decoder.prop.format")
        .hasMessageContaining("allowed: bytes, string");
    assertThatThrownBy(() -> decoder(Map.of("column.name", " "))).hasMessageContaining("'column.name'");
  }
}
