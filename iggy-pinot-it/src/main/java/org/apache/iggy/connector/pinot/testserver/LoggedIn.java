package org.apache.iggy.connector.pinot.testserver;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClientBuilder;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.client.blocking.tcp.IggyTcpClientBuilder;
import org.apache.iggy.exception.IggyNotConnectedException;

/**
 * SDK clients that are really ready after login. The SDK 0.8.0 marks itself logged in only after the login future
 * has completed, so a request sent right after login can be refused client-side ("Not authenticated").
 */
public final class LoggedIn {
  private LoggedIn() {
  }

  public static IggyTcpClient blocking(IggyTcpClientBuilder builder) {
    IggyTcpClient client = builder.buildAndLogin();
    awaitReady(client);
    return client;
  }

  /** Waits until an authenticated request of a logged-in blocking client goes through. */
  public static void awaitReady(IggyTcpClient client) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      try {
        client.system().getMe();
        return;
      } catch (IggyNotConnectedException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.onSpinWait();
      }
    }
  }

  public static AsyncIggyTcpClient async(AsyncIggyTcpClientBuilder builder) throws Exception {
    AsyncIggyTcpClient client = builder.buildAndLogin().get(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      try {
        client.system().getMe().join();
        return client;
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof IggyNotConnectedException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.onSpinWait();
      }
    }
  }
}
