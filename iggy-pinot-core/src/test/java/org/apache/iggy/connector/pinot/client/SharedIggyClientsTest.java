package org.apache.iggy.connector.pinot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.junit.jupiter.api.Test;

class SharedIggyClientsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private final List<CountingConnection> _created = new ArrayList<>();

  private SharedIggyClients registry(Duration linger) {
    return new SharedIggyClients(settings -> {
      CountingConnection connection = new CountingConnection();
      _created.add(connection);
      return connection;
    }, linger);
  }

  private static IggyConnectionSettings settings(String host) {
    return new IggyConnectionSettings(host, 8090, "iggy", "iggy", null, false, null, null, 4, 1000, 1000);
  }

  private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  @Test
  void borrowingDoesNoIoAndEqualSettingsShareOneClient() {
    SharedIggyClients registry = registry(Duration.ZERO);

    IggyClientHandle a = registry.borrow(settings("h1"));
    IggyClientHandle b = registry.borrow(settings("h1"));
    IggyClientHandle c = registry.borrow(settings("h2"));
    assertThat(_created).isEmpty();

    a.connect(TIMEOUT);
    b.connect(TIMEOUT);
    c.connect(TIMEOUT);

    assertThat(_created).hasSize(2);
    assertThat(_created.get(0).connects).isEqualTo(2);
    assertThat(registry.openClients()).isEqualTo(2);
  }

  @Test
  void theLastReleaseClosesTheClientAndDoubleCloseIsHarmless() {
    SharedIggyClients registry = registry(Duration.ZERO);
    IggyClientHandle a = registry.borrow(settings("h1"));
    IggyClientHandle b = registry.borrow(settings("h1"));
    a.connect(TIMEOUT);

    a.close();
    a.close();
    assertThat(_created.get(0).closes).isZero();
    b.close();

    assertThat(_created.get(0).closes).isEqualTo(1);
    assertThat(registry.openClients()).isZero();
    assertThatThrownBy(() -> a.connect(TIMEOUT)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBrokenClientIsReplacedOnTheNextCall() {
    SharedIggyClients registry = registry(Duration.ZERO);
    IggyClientHandle handle = registry.borrow(settings("h1"));
    handle.connect(TIMEOUT);

    _created.get(0).broken = true;
    handle.connect(TIMEOUT);

    assertThat(_created).hasSize(2);
    assertThat(_created.get(0).closes).isEqualTo(1);
    assertThat(_created.get(1).connects).isEqualTo(1);
  }

  @Test
  void aBorrowDuringTheLingerReusesTheClient() throws InterruptedException {
    SharedIggyClients registry = registry(Duration.ofMillis(300));
    IggyClientHandle first = registry.borrow(settings("h1"));
    first.connect(TIMEOUT);
    first.close();

    IggyClientHandle second = registry.borrow(settings("h1"));
    second.connect(TIMEOUT);
    assertThat(_created).hasSize(1);
    second.close();

    awaitCondition(() -> registry.openClients() == 0);
    assertThat(_created.get(0).closes).isEqualTo(1);
  }

  private static final class CountingConnection implements IggyConnection {
    volatile int connects;
    volatile int closes;
    volatile boolean broken;

    @Override
    public void connect(Duration timeout) {
      connects++;
    }

    @Override
    public TopicDescription fetchTopic(TopicRef topic, Duration timeout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public PolledBatch poll(TopicRef topic, int partitionId, PollStart start, int count, Duration timeout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void storeConsumerOffset(TopicRef topic, int partitionId, String consumerName, long offset,
        Duration timeout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isBroken() {
      return broken;
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
      closes++;
      return CompletableFuture.completedFuture(null);
    }
  }
}
