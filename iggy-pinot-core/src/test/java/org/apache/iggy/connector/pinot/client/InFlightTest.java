package org.apache.iggy.connector.pinot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pinot.spi.stream.PermanentConsumerException;
import org.apache.pinot.spi.stream.TransientConsumerException;
import org.junit.jupiter.api.Test;

class InFlightTest {
  private final AtomicInteger _givenUp = new AtomicInteger();

  private <T> InFlight<T> request(CompletableFuture<T> answer) {
    return new InFlight<>(answer, "poll of partition 3 on Iggy at h:8090", _givenUp::incrementAndGet);
  }

  @Test
  void aWaitThatRunsOutGivesTheRequestUpAtTheCallersDeadline() {
    CompletableFuture<String> never = new CompletableFuture<>();
    long started = System.nanoTime();

    assertThatThrownBy(() -> request(never).await(Duration.ofMillis(300))).isInstanceOf(
        TransientConsumerException.class).hasMessage("poll of partition 3 on Iggy at h:8090 timed out after 300 ms")
        .satisfies(e -> assertThat(IggyErrors.kindOf(e)).isEqualTo(FailureKind.TIMEOUT));
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(elapsedMillis).isBetween(250L, 1000L);
    assertThat(_givenUp).hasValue(1);
  }

  @Test
  void answersAndClassifiedFailuresComeBackAsTheyAre() {
    RuntimeException permanent = IggyErrors.permanentError(FailureKind.AUTH, "bad password", null);

    assertThat(request(CompletableFuture.completedFuture("pong")).await(Duration.ofMillis(10))).isEqualTo("pong");
    assertThatThrownBy(() -> request(CompletableFuture.failedFuture(permanent)).await(Duration.ofMillis(10)))
        .isSameAs(permanent).isInstanceOf(PermanentConsumerException.class);
    assertThat(_givenUp).hasValue(0);
  }

  @Test
  void anUnclassifiedFailureBecomesATransientErrorNamingTheRequest() {
    assertThatThrownBy(() -> request(CompletableFuture.failedFuture(new IllegalStateException("boom")))
        .await(Duration.ofMillis(10))).isInstanceOf(TransientConsumerException.class)
        .hasMessageContaining("poll of partition 3 on Iggy at h:8090 failed").hasMessageContaining("boom");
  }

  @Test
  void mapConvertsTheAnswerAndSettledNeverFails() {
    CompletableFuture<Integer> answer = new CompletableFuture<>();
    InFlight<Integer> request = request(answer);
    InFlight<String> mapped = request.map(value -> "#" + value);
    CompletableFuture<Void> settled = request.settled();
    assertThat(mapped.isDone()).isFalse();

    answer.completeExceptionally(new IllegalStateException("lost"));

    assertThat(settled).isCompletedWithValue(null);
    assertThat(mapped.isDone()).isTrue();
    assertThat(InFlight.answered(7, "x").map(value -> "#" + value).await(Duration.ofMillis(1))).isEqualTo("#7");
  }

  @Test
  void anInterruptedWaitKeepsTheInterruptFlag() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> request(new CompletableFuture<>()).await(Duration.ofSeconds(5)))
          .isInstanceOf(TransientConsumerException.class).hasMessageContaining("interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
