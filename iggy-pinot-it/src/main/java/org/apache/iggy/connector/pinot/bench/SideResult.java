package org.apache.iggy.connector.pinot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The runs of one side of a comparison, each checked against what was produced; figures are medians. */
final class SideResult {
  private final String _name;
  private final List<Run> _runs = new ArrayList<>();
  private String _failure;

  SideResult(String name) {
    _name = name;
  }

  String name() {
    return _name;
  }

  /** Records a run; one that read other than {@code expectedRows} rows or another checksum fails the side. */
  void add(Run run, long expectedRows, long expectedChecksum) {
    _runs.add(run);
    check(run, expectedRows, expectedChecksum);
  }

  /** Checks an unmeasured (warm-up) run. */
  void check(Run run, long expectedRows, long expectedChecksum) {
    if (run.rows() != expectedRows) {
      failed("read " + run.rows() + " rows of " + expectedRows);
    } else if (run.checksum() != expectedChecksum) {
      failed("read other content than produced (checksum)");
    }
  }

  void failed(String why) {
    if (_failure == null) {
      _failure = _name + ": " + why;
    }
  }

  boolean hasFailed() {
    return _failure != null;
  }

  boolean passed() {
    return _failure == null && !_runs.isEmpty();
  }

  /** Why the side failed, or null. */
  String failure() {
    return _runs.isEmpty() && _failure == null ? _name + " did not run" : _failure;
  }

  double medianRate() {
    return median(Run::rowsPerSecond);
  }

  double medianExtra() {
    return median(Run::extra);
  }

  private double median(ToDoubleFunction<Run> figure) {
    if (_runs.isEmpty()) {
      return Double.NaN;
    }
    double[] values = _runs.stream().mapToDouble(figure).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }
}
