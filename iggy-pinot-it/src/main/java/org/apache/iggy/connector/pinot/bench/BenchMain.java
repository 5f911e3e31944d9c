package org.apache.iggy.connector.pinot.bench;

/**
 * Command-line entry of the benchmark (bin/iggy-pinot-bench): exit 0 when every check passed, 1 when a check failed
 * or the benchmark could not run (cause on one line), 2 on bad usage. Whether a target is met does not change it.
 */
public final class BenchMain {
  private BenchMain() {
  }

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    int exitCode;
    try {
      exitCode = new Bench(options, System.out).run().passed() ? 0 : 1;
    } catch (Exception | Error e) {
      System.err.println();
      System.err.println("bench failed: " + (e.getMessage() == null ? e.toString() : e.getMessage())
          .replaceAll("\\s*\\R\\s*", " "));
      exitCode = 1;
    }
    // Pinot and Netty leave idle non-daemon threads behind.
    System.exit(exitCode);
  }
}
