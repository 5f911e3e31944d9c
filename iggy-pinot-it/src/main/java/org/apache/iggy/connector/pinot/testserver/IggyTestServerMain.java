package org.apache.iggy.connector.pinot.testserver;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the test server outside JUnit: {@code --port N} (default 8090), {@code --tls}, {@code --username U},
 * {@code --password P} (default iggy/iggy). Prints the address (and the CA PEM with TLS) and runs until stopped.
 */
public final class IggyTestServerMain {
  private IggyTestServerMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    IggyTestServer.Builder builder = IggyTestServer.builder().port(8090);
    String username = "iggy";
    String password = "iggy";
    boolean tls = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port":
          builder.port(Integer.parseInt(args[++i]));
          break;
        case "--tls":
          tls = true;
          break;
        case "--username":
          username = args[++i];
          break;
        case "--password":
          password = args[++i];
          break;
        default:
          System.err.println("usage: IggyTestServerMain [--port N] [--tls] [--username U] [--password P]");
          System.exit(2);
      }
    }
    IggyTestServer server = builder.root(username, password).tls(tls).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "iggy-test-server-shutdown"));
    System.out.println("Iggy 0.8 test server listening on " + server.address() + " (root user " + username + ")");
    if (tls) {
      System.out.print(server.certificatePem());
    }
    stopped.await();
  }
}
