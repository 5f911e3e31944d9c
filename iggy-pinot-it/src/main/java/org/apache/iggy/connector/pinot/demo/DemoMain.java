package org.apache.iggy.connector.pinot.demo;

import org.slf4j.bridge.SLF4JBridgeHandler;
import sun.misc.Signal;

/**
 * Command-line entry of the demo (bin/iggy-pinot-demo): exit 0 on success, 1 with the cause in one line on failure,
 * 2 on bad usage. The first Ctrl-C ends production early and the demo still catches up, queries and shuts down;
 * a second one quits at once.
 */
public final class DemoMain {
  private static final int INTERRUPTED_EXIT_CODE = 130;

  private DemoMain() {
  }

  public static void main(String[] args) {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(DemoOptions.USAGE);
      System.exit(2);
      return;
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Demo demo = new Demo(options, System.out, System.console() != null);
    // A signal handler rather than a shutdown hook: the JVM keeps running normally, so Pinot, ZooKeeper and the
    // logging are still there while the demo catches up and queries.
    Signal.handle(new Signal("INT"), signal -> {
      if (demo.stopRequested()) {
        System.err.println();
        System.err.println("interrupted again: quitting without the results");
        System.exit(INTERRUPTED_EXIT_CODE);
      }
      System.err.println();
      System.err.println("Ctrl-C: production stops; Pinot catches up, then the queries run (Ctrl-C again quits)");
      demo.requestStop();
    });
    int exitCode = 0;
    try {
      demo.run();
    } catch (Exception | Error e) {
      System.err.println();
      System.err.println("demo failed: " + oneLine(e));
      exitCode = 1;
    }
    // Helix and Pinot leave idle non-daemon threads (zk-disconnector, executor pools) after their shutdown.
    System.exit(exitCode);
  }

  private static String oneLine(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    if (root != error && root.getMessage() != null && !message.contains(root.getMessage())) {
      message += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return message.replaceAll("\\s*\\R\\s*", " ");
  }
}
