package org.apache.iggy.connector.pinot.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.iggy.connector.pinot.client.tcp.TcpIggyClient;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;

/**
 * Lends Iggy clients and keeps them across Pinot's frequent re-creation of consumers and metadata providers
 * (closing a client costs about two seconds of Netty shutdown). Two kinds of loans:
 * <ul>
 *   <li>{@link #exclusive}: a client of its own for one partition reader, so that its requests never wait behind
 *   another partition's and a timeout breaks only its own connection. A released one waits, idle, for the next
 *   reader with the same settings.</li>
 *   <li>{@link #shared}: one client per distinct settings for every metadata caller, which never waits behind a
 *   fetch.</li>
 * </ul>
 * Lending does no network I/O. An unused client is closed after the linger.
 */
public final class IggyClients {
  private static final Duration DEFAULT_LINGER = Duration.ofSeconds(10);
  private static final IggyClients GLOBAL = new IggyClients(TcpIggyClient::new, DEFAULT_LINGER);

  private final Function<IggyConnectionSettings, IggyClient> _opener;
  private final long _lingerNanos;
  private final Map<IggyConnectionSettings, Shared> _shared = new HashMap<>();
  private final Map<IggyClient, Shared> _sharedByClient = new IdentityHashMap<>();
  private final Map<IggyClient, IggyConnectionSettings> _lent = new IdentityHashMap<>();
  private final Map<IggyConnectionSettings, Deque<Idle>> _idle = new HashMap<>();
  private final ScheduledThreadPoolExecutor _sweeper;

  /**
   * @param opener creates a client for settings (no network I/O)
   * @param linger how long an unused client stays open for the next borrower
   */
  public IggyClients(Function<IggyConnectionSettings, IggyClient> opener, Duration linger) {
    _opener = opener;
    _lingerNanos = linger.toNanos();
    _sweeper = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "iggy-client-sweeper");
      thread.setDaemon(true);
      return thread;
    });
    _sweeper.setKeepAliveTime(1, TimeUnit.SECONDS);
    _sweeper.allowCoreThreadTimeOut(true);
  }

  /** The JVM-wide clients the connector uses. */
  public static IggyClients global() {
    return GLOBAL;
  }

  /** A client for one reader alone: an idle one with these settings, or a new one. */
  public synchronized IggyClient exclusive(IggyConnectionSettings settings) {
    Deque<Idle> idle = _idle.get(settings);
    IggyClient client = idle == null || idle.isEmpty() ? _opener.apply(settings) : idle.pollLast().client();
    _lent.put(client, settings);
    return client;
  }

  /** The client every metadata caller with these settings shares. */
  public synchronized IggyClient shared(IggyConnectionSettings settings) {
    Shared shared = _shared.computeIfAbsent(settings, key -> {
      Shared created = new Shared(_opener.apply(key));
      _sharedByClient.put(created._client, created);
      return created;
    });
    shared._borrowers++;
    return shared._client;
  }

  /** Gives a client back; releasing one that is not lent out (again) does nothing. */
  public void release(IggyClient client) {
    synchronized (this) {
      IggyConnectionSettings settings = _lent.remove(client);
      if (settings != null) {
        _idle.computeIfAbsent(settings, key -> new ArrayDeque<>()).addLast(new Idle(client, System.nanoTime()));
      } else {
        Shared shared = _sharedByClient.get(client);
        if (shared == null || shared._borrowers == 0) {
          return;
        }
        shared._borrowers--;
        shared._lastReleasedNanos = System.nanoTime();
      }
    }
    if (_lingerNanos <= 0) {
      sweep();
    } else {
      _sweeper.schedule(this::sweep, _lingerNanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Clients that are lent out or waiting for a borrower. */
  public synchronized int openClients() {
    int idle = 0;
    for (Deque<Idle> clients : _idle.values()) {
      idle += clients.size();
    }
    return _lent.size() + _shared.size() + idle;
  }

  private synchronized void sweep() {
    long unusedSince = System.nanoTime() - _lingerNanos;
    for (Iterator<Deque<Idle>> clients = _idle.values().iterator(); clients.hasNext(); ) {
      Deque<Idle> idle = clients.next();
      idle.removeIf(candidate -> {
        if (candidate.sinceNanos() - unusedSince > 0) {
          return false;
        }
        candidate.client().close();
        return true;
      });
      if (idle.isEmpty()) {
        clients.remove();
      }
    }
    for (Iterator<Shared> clients = _shared.values().iterator(); clients.hasNext(); ) {
      Shared shared = clients.next();
      if (shared._borrowers == 0 && shared._lastReleasedNanos - unusedSince <= 0) {
        clients.remove();
        _sharedByClient.remove(shared._client);
        shared._client.close();
      }
    }
  }

  private static final class Shared {
    private final IggyClient _client;
    private int _borrowers;
    private long _lastReleasedNanos;

    Shared(IggyClient client) {
      _client = client;
    }
  }

  private record Idle(IggyClient client, long sinceNanos) {
  }
}
