package org.apache.iggy.connector.pinot.client.tcp;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.InFlight;
import org.apache.iggy.connector.pinot.client.RequestContext;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;

/**
 * Bounds and translates the SDK's futures, because the SDK 0.8.0 has no request timeout of its own and a request in
 * flight when the server closes the connection gracefully never completes: every request ends within the request
 * timeout, its failure classified for Pinot, and a timeout or connection-level failure gives the session up.
 */
final class Requests {
  private final IggyConnectionSettings _settings;
  private final IggyErrorClassifier _classifier;

  Requests(IggyConnectionSettings settings) {
    _settings = settings;
    _classifier = new IggyErrorClassifier(settings);
  }

  /** The request as an {@link InFlight}; {@code onBroken} runs when its failure makes the session unusable. */
  <T> InFlight<T> track(CompletableFuture<T> request, Runnable onBroken, RequestContext context) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    request.whenComplete((value, failure) -> {
      if (failure == null) {
        answer.complete(value);
        return;
      }
      ClassifiedError classified = _classifier.classify(failure, context);
      if (classified.evictClient()) {
        onBroken.run();
      }
      answer.completeExceptionally(classified.exception());
    });
    answer.orTimeout(_settings.requestTimeoutMillis(), TimeUnit.MILLISECONDS);
    CompletableFuture<T> bounded = answer.handle((value, failure) -> {
      if (failure instanceof TimeoutException) {
        onBroken.run();
        throw IggyErrors.transientError(FailureKind.TIMEOUT, describe(context) + " timed out after "
            + _settings.requestTimeoutMillis() + " ms (stream.iggy.request.timeout.millis)", failure);
      }
      if (failure != null) {
        throw failure instanceof RuntimeException ? (RuntimeException) failure : new CompletionException(failure);
      }
      return value;
    });
    return new InFlight<>(bounded, describe(context), onBroken);
  }

  /** Waits for a request until {@code deadline} (System.nanoTime). */
  <T> T await(CompletableFuture<T> request, Runnable onBroken, RequestContext context, long deadline) {
    return track(request, onBroken, context).await(Duration.ofNanos(deadline - System.nanoTime()));
  }

  /** A failure translated for Pinot. */
  RuntimeException classify(Throwable failure, RequestContext context) {
    return _classifier.classify(failure, context).exception();
  }

  /** The request and the server, for messages. */
  String describe(RequestContext context) {
    return context.describe() + " on Iggy at " + _settings.address();
  }
}
