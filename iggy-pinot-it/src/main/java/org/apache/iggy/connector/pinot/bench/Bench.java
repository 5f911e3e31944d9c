package org.apache.iggy.connector.pinot.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.iggy.connector.pinot.bench.BenchOptions.Scenario;

/**
 * The benchmark suite of issue 9: the chosen scenarios against one Iggy, each figure beside its baseline measured in
 * the same run, printed as one table.
 */
public final class Bench {
  private final BenchOptions _options;
  private final PrintStream _out;

  public Bench(BenchOptions options, PrintStream out) {
    _options = options;
    _out = out;
  }

  /** Runs the scenarios and prints the table; returns it, so that a test can check every row. */
  public BenchTable run() throws Exception {
    BenchTable table = new BenchTable();
    try (BenchIggy iggy = BenchIggy.start(_options)) {
      _out.printf(Locale.ROOT, "iggy-pinot bench: %,d events, median of %d run(s) after %d warm-up turn(s), %s%n",
          _options.events(), _options.runs(), _options.warmUps(), iggy.describe());
      _out.printf(Locale.ROOT, "machine: %d cores, max heap %d MiB, Java %s (%s)%n",
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
          System.getProperty("java.version"), System.getProperty("java.vm.name"));
      for (Scenario scenario : _options.scenarios()) {
        long started = System.nanoTime();
        _out.print("running " + scenario.name().toLowerCase(Locale.ROOT) + " ...");
        _out.flush();
        switch (scenario) {
          case FETCH -> new FetchScenario(_options, iggy).run(table);
          case DECODER -> new DecoderScenario(_options).run(table);
          case RSDM -> new RsdmScenario(_options, iggy).run(table);
          case PARTITIONS -> new ManyPartitionsScenario(_options, iggy).run(table);
        }
        _out.printf(Locale.ROOT, " %.0f s%n", (System.nanoTime() - started) / 1e9);
      }
    }
    _out.println();
    _out.print(table.render());
    _out.println();
    _out.println(table.passed() ? "every check passed: each side read exactly what was produced"
        : "CHECKS FAILED: see the check column");
    return table;
  }
}
