package org.apache.iggy.connector.pinot.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.TransientConsumerException;

/**
 * A request on its way: its answer, or its failure already classified as a Transient or Permanent consumer
 * exception. Waiting for it is bounded by the caller: a wait that runs out gives the request up, tells the connection
 * (its session is no longer trustworthy: the Iggy SDK 0.8.0 never completes a request whose connection was closed
 * gracefully) and fails with a transient timeout.
 *
 * @param <T> the answer
 */
public final class InFlight<T> {
  private final CompletableFuture<T> _answer;
  private final String _description;
  private final Runnable _onGiveUp;

  /**
   * @param answer completes with the answer, or fails with the classified error
   * @param description the request and the server, e.g. "poll of partition 3 of stream 'a' topic 'b' on Iggy at
   *     host:8090"
   * @param onGiveUp called when a wait for the answer runs out
   */
  public InFlight(CompletableFuture<T> answer, String description, Runnable onGiveUp) {
    _answer = answer;
    _description = description;
    _onGiveUp = onGiveUp;
  }

  /** A request that already has its answer. */
  public static <T> InFlight<T> answered(T answer, String description) {
    return new InFlight<>(CompletableFuture.completedFuture(answer), description, () -> { });
  }

  /** The answer, waiting at most {@code timeout}. */
  public T await(Duration timeout) {
    long nanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), timeout.toNanos());
    try {
      return _answer.get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      _onGiveUp.run();
      throw IggyErrors.transientError(FailureKind.TIMEOUT, _description + " timed out after "
          + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw IggyErrors.transientError(FailureKind.OTHER, _description + " was interrupted", e);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    }
  }

  public boolean isDone() {
    return _answer.isDone();
  }

  /** The same request, its answer converted by {@code conversion} when it arrives. */
  public <R> InFlight<R> map(Function<? super T, ? extends R> conversion) {
    return new InFlight<>(_answer.thenApply(conversion), _description, _onGiveUp);
  }

  /** Completes, never exceptionally, once the answer arrived or the request failed. */
  public CompletableFuture<Void> settled() {
    return _answer.handle((answer, failure) -> null);
  }

  private RuntimeException rethrown(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
        : failure;
    if (cause instanceof TransientConsumerException || cause instanceof PermanentConsumerException) {
      return (RuntimeException) cause;
    }
    return IggyErrors.transientError(IggyErrors.kindOf(cause), _description + " failed: " + cause, cause);
  }
}
