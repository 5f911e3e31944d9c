package org.apache.iggy.connector.pinot.check;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.apache.pinot.spi.data.FieldSpec;
import org.apache.pinot.spi.data.Schema;
import org.apache.pinot.spi.data.readers.GenericRow;

/** Compares a decoded row with the schema the way Pinot's ingestion would convert it. */
final class SchemaConformance {
  private static final int MAX_VALUE_CHARS = 40;

  private SchemaConformance() {
  }

  static void check(GenericRow row, Schema schema, long offset, SampleReport report) {
    for (FieldSpec field : schema.getAllFieldSpecs()) {
      Object value = row.getValue(field.getName());
      if (value == null) {
        report.missing(field.getName());
        continue;
      }
      String mismatch = mismatch(field, value);
      if (mismatch != null) {
        report.typeMismatch(offset, field.getName() + ": " + mismatch);
      }
    }
  }

  /** Why Pinot could not store {@code value} in {@code field}, or null when it can. */
  static String mismatch(FieldSpec field, Object value) {
    FieldSpec.DataType type = field.getDataType();
    if (value instanceof Collection<?> || value instanceof Object[]) {
      if (field.isSingleValueField() && type != FieldSpec.DataType.JSON) {
        return "a list, but the field is a single-value " + type;
      }
      Iterable<?> values = value instanceof Object[] array ? Arrays.asList(array) : (Collection<?>) value;
      for (Object element : values) {
        String mismatch = element == null ? null : scalarMismatch(type, element);
        if (mismatch != null) {
          return mismatch;
        }
      }
      return null;
    }
    return scalarMismatch(type, value);
  }

  private static String scalarMismatch(FieldSpec.DataType type, Object value) {
    if (value instanceof Map<?, ?>) {
      return type == FieldSpec.DataType.JSON || type == FieldSpec.DataType.MAP ? null
          : "an object, but the field is " + type;
    }
    switch (type) {
      case INT:
      case LONG:
      case FLOAT:
      case DOUBLE:
      case BIG_DECIMAL:
      case BOOLEAN:
      case TIMESTAMP:
        if (value instanceof Number || value instanceof Boolean) {
          return null;
        }
        try {
          type.convert(value.toString());
          return null;
        } catch (RuntimeException e) {
          return "'" + abbreviate(value.toString()) + "' is not a valid " + type;
        }
      default:
        return null;
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
  }
}
