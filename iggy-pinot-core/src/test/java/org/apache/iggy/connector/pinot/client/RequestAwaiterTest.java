package org.apache.iggy.connector.pinot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.junit.jupiter.api.Test;

class RequestAwaiterTest {
  private final AtomicInteger _broken = new AtomicInteger();
  private final RequestAwaiter _awaiter = new RequestAwaiter(IggyErrorClassifierTest.settings(null),
      _broken::incrementAndGet);

  @Test
  void aRequestThatNeverCompletesTimesOutAtTheDeadlineAndBreaksTheConnection() {
    CompletableFuture<String> never = new CompletableFuture<>();
    long started = System.nanoTime();

    assertThatThrownBy(() -> _awaiter.await(never, _awaiter.deadlineFor(300), RequestContext.of("poll")))
        .isInstanceOf(TransientConsumerException.class).hasMessageContaining("timed out after");
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(elapsedMillis).isBetween(250L, 500L);
    assertThat(never).isCancelled();
    assertThat(_broken).hasValue(1);
  }

  @Test
  void theRequestTimeoutCapsALongerCallerTimeout() {
    long deadline = _awaiter.deadlineFor(60_000);

    assertThat(RequestAwaiter.remainingMillis(deadline)).isLessThanOrEqualTo(1000);
  }

  @Test
  void completedRequestsReturnTheirValue() {
    assertThat(_awaiter.await(CompletableFuture.completedFuture("pong"), _awaiter.deadlineFor(100),
        RequestContext.of("ping"))).isEqualTo("pong");
    assertThat(_broken).hasValue(0);
  }

  @Test
  void failuresAreClassifiedAndOnlyConnectionLevelOnesBreakTheConnection() {
    assertThatThrownBy(() -> _awaiter.await(CompletableFuture.failedFuture(new IOException("reset")),
        _awaiter.deadlineFor(100), RequestContext.of("poll"))).isInstanceOf(TransientConsumerException.class);
    assertThat(_broken).hasValue(1);

    CompletableFuture<Object> authFailure = CompletableFuture.failedFuture(new org.apache.iggy.exception
        .IggyServerException(42));
    assertThatThrownBy(() -> _awaiter.await(authFailure, _awaiter.deadlineFor(100), RequestContext.of("log in")))
        .isInstanceOf(PermanentConsumerException.class);
    assertThat(_broken).hasValue(1);
  }

  @Test
  void anInterruptedWaitKeepsTheInterruptFlag() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> _awaiter.await(new CompletableFuture<>(), _awaiter.deadlineFor(5000),
          RequestContext.of("poll"))).isInstanceOf(TransientConsumerException.class).hasMessageContaining(
          "interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
