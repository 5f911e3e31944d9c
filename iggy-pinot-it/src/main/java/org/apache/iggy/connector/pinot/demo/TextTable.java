package org.apache.iggy.connector.pinot.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders query results as an aligned text table, numbers right-aligned. */
final class TextTable {
  private TextTable() {
  }

  static String render(List<String> columns, List<Object[]> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(columns.toArray(new String[0]));
    for (Object[] row : rows) {
      String[] texts = new String[row.length];
      for (int i = 0; i < row.length; i++) {
        texts[i] = format(row[i]);
      }
      cells.add(texts);
    }
    int[] widths = new int[columns.size()];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      String[] row = cells.get(r);
      for (int i = 0; i < row.length; i++) {
        boolean number = r > 0 && rows.get(r - 1)[i] instanceof Number;
        out.append("  ").append(pad(row[i], widths[i], number));
      }
      out.append('\n');
      if (r == 0) {
        for (int i = 0; i < widths.length; i++) {
          out.append("  ").append("-".repeat(widths[i]));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String format(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return String.format(Locale.ROOT, "%.1f", ((Number) value).doubleValue());
    }
    return String.valueOf(value);
  }

  private static String pad(String text, int width, boolean right) {
    String padding = " ".repeat(width - text.length());
    return right ? padding + text : text + padding;
  }
}
