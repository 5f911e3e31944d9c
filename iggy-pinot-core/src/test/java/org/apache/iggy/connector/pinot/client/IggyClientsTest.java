package org.apache.iggy.connector.pinot.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.apache.iggy.connector.pinot.config.IggyResourceId;
import org.junit.jupiter.api.Test;

class IggyClientsTest {
  private final List<CountingClient> _opened = new ArrayList<>();

  private IggyClients clients(Duration linger) {
    return new IggyClients(settings -> {
      CountingClient client = new CountingClient(settings);
      _opened.add(client);
      return client;
    }, linger);
  }

  private static IggyConnectionSettings settings(String host) {
    return new IggyConnectionSettings(host, 8090, "iggy", "iggy", null, false, null, null, 4, 1000, 1000);
  }

  private static void awaitCondition(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  @Test
  void metadataCallersWithEqualSettingsShareOneClient() {
    IggyClients clients = clients(Duration.ZERO);

    IggyClient a = clients.shared(settings("h1"));
    IggyClient b = clients.shared(settings("h1"));
    IggyClient c = clients.shared(settings("h2"));

    assertThat(a).isSameAs(b).isNotSameAs(c);
    assertThat(_opened).hasSize(2);
    assertThat(clients.openClients()).isEqualTo(2);
    assertThat(_opened.get(0)._connects).as("lending does no I/O").isZero();
  }

  @Test
  void everyReaderGetsAClientOfItsOwnAndAReleasedOneIsReused() {
    IggyClients clients = clients(Duration.ofSeconds(30));

    IggyClient first = clients.exclusive(settings("h1"));
    IggyClient second = clients.exclusive(settings("h1"));
    assertThat(first).isNotSameAs(second);
    assertThat(clients.shared(settings("h1"))).isNotSameAs(first).isNotSameAs(second);

    clients.release(first);
    clients.release(first);
    IggyClient third = clients.exclusive(settings("h1"));

    assertThat(third).isSameAs(first);
    assertThat(_opened).hasSize(3);
    assertThat(clients.exclusive(settings("h2"))).isNotSameAs(first);
  }

  @Test
  void theLastReleaseClosesASharedClientAndExtraReleasesDoNothing() {
    IggyClients clients = clients(Duration.ZERO);
    IggyClient a = clients.shared(settings("h1"));
    clients.shared(settings("h1"));

    clients.release(a);
    assertThat(_opened.get(0)._closes).isZero();
    clients.release(a);
    clients.release(a);

    assertThat(_opened.get(0)._closes).isEqualTo(1);
    assertThat(clients.openClients()).isZero();
    assertThat(clients.shared(settings("h1"))).isNotSameAs(a);
  }

  @Test
  void unusedClientsCloseAfterTheLingerAndABorrowWithinItKeepsThem() {
    IggyClients clients = clients(Duration.ofMillis(300));
    IggyClient shared = clients.shared(settings("h1"));
    IggyClient exclusive = clients.exclusive(settings("h1"));
    clients.release(shared);
    clients.release(exclusive);

    assertThat(clients.shared(settings("h1"))).isSameAs(shared);
    clients.release(shared);

    awaitCondition(() -> clients.openClients() == 0);
    assertThat(_opened).hasSize(2).allSatisfy(client -> assertThat(client._closes).isEqualTo(1));
  }

  private static final class CountingClient implements IggyClient {
    private final IggyConnectionSettings _settings;
    private volatile int _connects;
    private volatile int _closes;

    CountingClient(IggyConnectionSettings settings) {
      _settings = settings;
    }

    @Override
    public void connect(Duration timeout) {
      _connects++;
    }

    @Override
    public TopicDescription fetchTopic(TopicRef topic, Duration timeout) {
      throw new UnsupportedOperationException(_settings.address());
    }

    @Override
    public List<String> fetchTopicNames(IggyResourceId stream, Duration timeout) {
      throw new UnsupportedOperationException(_settings.address());
    }

    @Override
    public InFlight<PolledBatch> startPoll(PollRequest request, Duration connectTimeout) {
      throw new UnsupportedOperationException(_settings.address());
    }

    @Override
    public void storeConsumerOffset(TopicRef topic, int partitionId, String consumerName, long offset,
        Duration timeout) {
      throw new UnsupportedOperationException(_settings.address());
    }

    @Override
    public void close() {
      _closes++;
    }
  }
}
