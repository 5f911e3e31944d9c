package org.apache.iggy.connector.pinot.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's one table, rendered as Markdown so that it can go into docs/benchmarks.md as printed. */
public final class BenchTable {
  private static final String[] HEADER = {"scenario", "what", "baseline", "ours", "ratio", "target", "met", "check"};

  private final List<BenchRow> _rows = new ArrayList<>();

  void add(BenchRow row) {
    _rows.add(row);
  }

  public List<BenchRow> rows() {
    return List.copyOf(_rows);
  }

  public boolean passed() {
    return !_rows.isEmpty() && _rows.stream().allMatch(BenchRow::passed);
  }

  public String render() {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADER);
    for (BenchRow row : _rows) {
      cells.add(new String[] {row.scenario(), row.what(), row.baseline(), row.ours(), row.ratio(), row.target(),
          row.met(), row.check()});
    }
    int[] widths = new int[HEADER.length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      line(out, cells.get(r), widths);
      if (r == 0) {
        String[] rule = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
          rule[i] = "-".repeat(widths[i]);
        }
        line(out, rule, widths);
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String[] cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < cells.length; i++) {
      out.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" |");
    }
    out.append('\n');
  }
}
