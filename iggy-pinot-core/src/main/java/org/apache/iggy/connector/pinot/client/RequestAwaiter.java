package org.apache.iggy.connector.pinot.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;

/**
 * Waits for SDK futures with our own deadline, because the SDK 0.8.0 has none and a request in flight when the
 * server closes the connection never completes. A timeout, or a failure that makes the connection unusable, calls
 * {@code onBroken} so the owner replaces the connection.
 */
final class RequestAwaiter {
  private final IggyConnectionSettings _settings;
  private final IggyErrorClassifier _classifier;
  private final Runnable _onBroken;

  RequestAwaiter(IggyConnectionSettings settings, Runnable onBroken) {
    _settings = settings;
    _classifier = new IggyErrorClassifier(settings);
    _onBroken = onBroken;
  }

  /** The deadline of a request: the caller's timeout capped by the configured request timeout. */
  long deadlineFor(long timeoutMillis) {
    long millis = Math.min(Math.max(timeoutMillis, 1), _settings.requestTimeoutMillis());
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  <T> T await(CompletableFuture<T> future, long deadline, RequestContext context) {
    long waitMillis = remainingMillis(deadline);
    try {
      return future.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      _onBroken.run();
      throw IggyErrors.transientError(FailureKind.TIMEOUT, context.describe() + " on Iggy at " + _settings.address()
          + " timed out after " + waitMillis + " ms", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw IggyErrors.transientError(FailureKind.OTHER, context.describe() + " on Iggy at " + _settings.address()
          + " was interrupted", e);
    } catch (ExecutionException | RuntimeException e) {
      ClassifiedError classified = _classifier.classify(e, context);
      if (classified.evictClient()) {
        _onBroken.run();
      }
      throw classified.exception();
    }
  }

  static long remainingMillis(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }
}
