package org.apache.iggy.connector.pinot.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.apache.pinot.spi.data.readers.GenericRow;

/** Row helpers: payloads from text, and equality that also holds the value types to account (1 is not 1L). */
final class Rows {
  private Rows() {
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static void assertSameRow(GenericRow actual, GenericRow expected, String payload) {
    assertThat(same(actual.getFieldToValueMap(), expected.getFieldToValueMap()))
        .as("rows of %s: %s and %s", payload, actual.getFieldToValueMap(), expected.getFieldToValueMap())
        .isTrue();
  }

  static boolean same(Object a, Object b) {
    if (a instanceof Object[] && b instanceof Object[]) {
      Object[] x = (Object[]) a;
      Object[] y = (Object[]) b;
      if (x.length != y.length) {
        return false;
      }
      for (int i = 0; i < x.length; i++) {
        if (!same(x[i], y[i])) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (Object key : x.keySet()) {
        if (!same(x.get(key), y.get(key))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b) && (a == null || a.getClass() == b.getClass());
  }
}
