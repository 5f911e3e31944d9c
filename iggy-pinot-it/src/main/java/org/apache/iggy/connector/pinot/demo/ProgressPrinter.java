package org.apache.iggy.connector.pinot.demo;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Shows ingestion progress: on a terminal one line rewritten in place, otherwise (CI logs) a line every few seconds.
 */
final class ProgressPrinter {
  private static final long PLAIN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final PrintStream _out;
  private final boolean _interactive;
  private long _lastIngested;
  private long _lastNanos = System.nanoTime();
  private long _lastPrinted;
  private double _rowsPerSecond;
  private int _width;

  ProgressPrinter(PrintStream out, boolean interactive) {
    _out = out;
    _interactive = interactive;
  }

  void update(IngestionProgress.Snapshot snapshot, long secondsLeft) {
    long now = System.nanoTime();
    double seconds = (now - _lastNanos) / 1e9;
    if (seconds > 0) {
      _rowsPerSecond = (snapshot.ingested() - _lastIngested) / seconds;
    }
    _lastIngested = snapshot.ingested();
    _lastNanos = now;
    String line = line(snapshot) + (secondsLeft > 0 ? " | " + secondsLeft + " s left" : " | catching up");
    if (_interactive) {
      _width = Math.max(_width, line.length());
      _out.print("\r" + line + " ".repeat(_width - line.length()));
      _out.flush();
    } else if (now - _lastPrinted >= PLAIN_EVERY_NANOS) {
      _lastPrinted = now;
      _out.println(line);
    }
  }

  void finish(IngestionProgress.Snapshot snapshot) {
    String line = line(snapshot) + " | done";
    _out.println(_interactive ? "\r" + line + " ".repeat(Math.max(0, _width - line.length())) : line);
  }

  private String line(IngestionProgress.Snapshot snapshot) {
    StringBuilder lag = new StringBuilder();
    long[] lags = snapshot.lag();
    for (int partition = 0; partition < lags.length; partition++) {
      lag.append(partition == 0 ? "" : " ").append('p').append(partition).append('=')
          .append(lags[partition] < 0 ? "-" : Long.toString(lags[partition]));
    }
    return String.format(Locale.ROOT, "produced %,d | ingested %,d | %,.0f rows/s | lag %s | committed segments %d",
        snapshot.produced(), snapshot.ingested(), _rowsPerSecond, lag, snapshot.committedSegments());
  }
}
