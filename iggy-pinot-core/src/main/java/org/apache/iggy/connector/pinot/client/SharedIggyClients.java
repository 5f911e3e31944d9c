package org.apache.iggy.connector.pinot.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shared, reference-counted Iggy client per distinct connection settings in the JVM. Pinot creates metadata
 * providers and consumers very often and closing an SDK client takes about two seconds, so consumers and providers
 * borrow a client here instead of owning one. A broken client is replaced on the next call; the last release closes
 * the client after a short linger, so that Pinot's close-then-create of a consumer reuses it.
 */
public final class SharedIggyClients implements IggyClientSource {
  private static final Logger LOG = LoggerFactory.getLogger(SharedIggyClients.class);
  private static final Duration DEFAULT_LINGER = Duration.ofSeconds(5);
  private static final SharedIggyClients GLOBAL = new SharedIggyClients(SdkIggyConnection::new, DEFAULT_LINGER);

  private final IggyConnectionFactory _factory;
  private final long _lingerMillis;
  private final Map<IggyConnectionSettings, Entry> _entries = new HashMap<>();
  private final ScheduledThreadPoolExecutor _closer;

  /**
   * A registry with its own connections and linger (the global one is {@link #global()}).
   *
   * @param factory creates a connection for settings (no I/O)
   * @param linger how long an unused client stays open for a new borrower
   */
  public SharedIggyClients(IggyConnectionFactory factory, Duration linger) {
    _factory = factory;
    _lingerMillis = linger.toMillis();
    _closer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "iggy-client-closer");
      thread.setDaemon(true);
      return thread;
    });
    _closer.setKeepAliveTime(1, TimeUnit.SECONDS);
    _closer.allowCoreThreadTimeOut(true);
    _closer.setRemoveOnCancelPolicy(true);
  }

  /** The JVM-wide registry the connector uses. */
  public static SharedIggyClients global() {
    return GLOBAL;
  }

  @Override
  public IggyClientHandle borrow(IggyConnectionSettings settings) {
    synchronized (this) {
      Entry entry = _entries.computeIfAbsent(settings, Entry::new);
      entry._borrowers++;
      if (entry._pendingClose != null) {
        entry._pendingClose.cancel(false);
        entry._pendingClose = null;
      }
      return new Lease(entry);
    }
  }

  /** Number of settings that currently have a client (borrowed or lingering). */
  public synchronized int openClients() {
    return _entries.size();
  }

  private void release(Entry entry) {
    synchronized (this) {
      entry._borrowers--;
      if (entry._borrowers > 0) {
        return;
      }
      if (_lingerMillis <= 0) {
        closeIfUnused(entry);
      } else {
        entry._pendingClose = _closer.schedule(() -> closeIfUnused(entry), _lingerMillis, TimeUnit.MILLISECONDS);
      }
    }
  }

  private synchronized void closeIfUnused(Entry entry) {
    if (entry._borrowers == 0 && _entries.get(entry._settings) == entry) {
      _entries.remove(entry._settings);
      entry.close();
    }
  }

  private final class Entry {
    private final IggyConnectionSettings _settings;
    private int _borrowers;
    private ScheduledFuture<?> _pendingClose;
    private IggyConnection _connection;

    Entry(IggyConnectionSettings settings) {
      _settings = settings;
    }

    synchronized IggyConnection connection() {
      if (_connection != null && _connection.isBroken()) {
        LOG.info("Replacing the broken Iggy client for {}", _settings.address());
        _connection.closeAsync();
        _connection = null;
      }
      if (_connection == null) {
        _connection = _factory.create(_settings);
      }
      return _connection;
    }

    synchronized void close() {
      if (_connection != null) {
        _connection.closeAsync();
        _connection = null;
      }
    }
  }

  private final class Lease implements IggyClientHandle {
    private final Entry _entry;
    private final AtomicBoolean _released = new AtomicBoolean();

    Lease(Entry entry) {
      _entry = entry;
    }

    @Override
    public void connect(Duration timeout) {
      connection().connect(timeout);
    }

    @Override
    public TopicDescription fetchTopic(TopicRef topic, Duration timeout) {
      return connection().fetchTopic(topic, timeout);
    }

    @Override
    public PolledBatch poll(TopicRef topic, int partitionId, PollStart start, int count, Duration timeout) {
      return connection().poll(topic, partitionId, start, count, timeout);
    }

    @Override
    public void storeConsumerOffset(TopicRef topic, int partitionId, String consumerName, long offset,
        Duration timeout) {
      connection().storeConsumerOffset(topic, partitionId, consumerName, offset, timeout);
    }

    @Override
    public void close() {
      if (_released.compareAndSet(false, true)) {
        release(_entry);
      }
    }

    private IggyConnection connection() {
      if (_released.get()) {
        throw new IllegalStateException("this Iggy client handle was closed");
      }
      return _entry.connection();
    }
  }
}
