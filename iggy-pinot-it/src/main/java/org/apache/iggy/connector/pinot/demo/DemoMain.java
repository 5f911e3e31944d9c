package org.apache.iggy.connector.pinot.demo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Command-line entry of the demo: exit 0 on success, 1 with the cause in one line on failure, 2 on bad usage. */
public final class DemoMain {
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
    CountDownLatch finished = new CountDownLatch(1);
    Thread onInterrupt = new Thread(() -> {
      demo.requestStop();
      try {
        finished.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    int exitCode = 0;
    try {
      demo.run();
    } catch (Exception | Error e) {
      System.err.println();
      System.err.println("demo failed: " + oneLine(e));
      exitCode = 1;
    } finally {
      finished.countDown();
    }
    if (!demo.stopRequested()) {
      Runtime.getRuntime().removeShutdownHook(onInterrupt);
      System.exit(exitCode);
    }
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
