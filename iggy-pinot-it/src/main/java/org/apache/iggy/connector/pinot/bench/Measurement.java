package org.apache.iggy.connector.pinot.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sides of a comparison back to back, in turns (run 1 of every side, then run 2 of every side, ...), so
 * that whatever else the machine does affects them alike; unmeasured first turns warm the JIT up. Every
 * other turn runs the sides in reverse order, so that a drift over the turns (the JIT still compiling, the machine's
 * neighbours) favours neither side, and each run starts after a full garbage collection, so that no run collects
 * the garbage of the run before it (a committed segment's dictionaries and indexes). Each run's rate and {@link
 * CpuUse} are logged (the benchmark's log file), so the spread behind a median can be read.
 */
final class Measurement {
  private static final Logger LOG = LoggerFactory.getLogger(Measurement.class);

  private Measurement() {
  }

  /**
   * @param sides the sides by name, in the order they run in the first turn
   * @return each side's checked runs, by name
   */
  static Map<String, SideResult> backToBack(BenchOptions options, long expectedRows, long expectedChecksum,
      Map<String, Run.Side> sides) {
    Map<String, SideResult> results = new LinkedHashMap<>();
    sides.keySet().forEach(name -> results.put(name, new SideResult(name)));
    List<Map.Entry<String, Run.Side>> order = new ArrayList<>(sides.entrySet());
    int turns = options.warmUps() + options.runs();
    for (int turn = 0; turn < turns; turn++) {
      boolean measured = turn >= options.warmUps();
      for (Map.Entry<String, Run.Side> side : order) {
        SideResult result = results.get(side.getKey());
        if (result.hasFailed()) {
          continue;
        }
        try {
          System.gc();
          CpuUse cpu = CpuUse.now();
          Run run = side.getValue().run();
          LOG.info("{} turn {}{}: {} rows/s, extra {}; CPU: {}", side.getKey(), turn, measured ? "" : " (warm-up)",
              Math.round(run.rowsPerSecond()), run.extra(), CpuUse.since(cpu));
          if (measured) {
            result.add(run, expectedRows, expectedChecksum);
          } else {
            result.check(run, expectedRows, expectedChecksum);
          }
        } catch (Exception | AssertionError e) {
          result.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
      }
      Collections.reverse(order);
    }
    return results;
  }
}
