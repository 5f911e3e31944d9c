package org.apache.iggy.connector.pinot.testserver;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * An in-process test double of Iggy server 0.8 that speaks its TCP protocol byte for byte, for the commands the
 * connector and the tests use. Binds 127.0.0.1 on an ephemeral (or given) port. State lives in memory and survives
 * {@link #restart()}; {@link #restartUnclean()} loses what Iggy 0.8 had not saved yet ({@link Builder}'s save
 * thresholds, {@link #saveNow()}, {@link #unsavedMessages}). Tests control retention ({@link #deleteBelow}, {@link #purgeTopic}, {@link #expireOlderThan}),
 * users and tokens, the clock, and faults ({@link #faults()}, {@link #dropConnections()},
 * {@link #closeConnectionsGracefully()}, {@link #refuseConnections()}, {@link #sendDisconnected()}).
 * Never shipped: it lives in the integration-test module only.
 */
public final class IggyTestServer implements AutoCloseable {
  private final ServerState _state;
  private final UserCommands _users;
  private final Faults _faults = new Faults();
  private final SelfSignedTls _tls;
  private final ServerNetwork _network;

  private IggyTestServer(Builder builder) {
    _state = new ServerState(builder._username, builder._password, new Persistence(builder._messagesRequiredToSave,
        builder._bytesRequiredToSave, builder._saverInterval));
    _users = new UserCommands(_state);
    _tls = builder._tls ? SelfSignedTls.generate("localhost") : null;
    CommandDispatcher dispatcher = new CommandDispatcher(_state, _users);
    _network = new ServerNetwork(host(), builder._port, _tls, () -> new FrameHandler(dispatcher, _state, _faults));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts a plain-TCP server with root iggy/iggy on an ephemeral port. */
  public static IggyTestServer start() {
    return builder().start();
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return _network.port();
  }

  public String address() {
    return host() + ":" + port();
  }

  /** The certificate (its own CA) in PEM when TLS is on. */
  public String certificatePem() {
    if (_tls == null) {
      throw new IllegalStateException("TLS is off");
    }
    return _tls.certificatePem();
  }

  public Faults faults() {
    return _faults;
  }

  /**
   * Replaces the server clock (microseconds since the epoch); from then on time never goes backwards. It also times
   * the message saver, whose period restarts at the new clock's present.
   */
  public void clock(LongSupplier micros) {
    _state.clock(micros);
  }

  /** Adds a user that may log in and read only the given stream ids (empty: none). */
  public UserAccount addUser(String username, String password, Set<Integer> readableStreams) {
    return _state.addUser(username, password, true, Set.copyOf(readableStreams));
  }

  /** Adds a user that exists but may not log in. */
  public UserAccount addInactiveUser(String username, String password) {
    return _state.addUser(username, password, false, Set.of());
  }

  /** Creates a personal access token for a user; expiry 0 means never, otherwise µs since the epoch. */
  public String createToken(String username, String name, long expiryMicros) {
    UserAccount user;
    synchronized (_state) {
      user = _state._users.get(username);
    }
    if (user == null) {
      throw new IllegalArgumentException("no user " + username);
    }
    return _users.createToken(user, name, expiryMicros);
  }

  /**
   * Retention: drops the messages of a partition below {@code offset} (first retained offset moves up, current offset
   * unchanged), but never beyond a stored consumer offset, as Iggy's segment deletion respects them.
   *
   * @return the first retained offset afterwards
   */
  public long deleteBelow(String stream, String topic, int partition, long offset) {
    synchronized (_state) {
      PartitionState state = _state.requirePartition(stream, topic, partition);
      state.deleteBelow(Math.min(offset, state.retentionBarrier()));
      return state.firstRetained();
    }
  }

  /** Retention by time: drops, in every partition of the topic, messages stored before {@code micros}. */
  public void expireOlderThan(String stream, String topic, long micros) {
    synchronized (_state) {
      for (PartitionState state : _state.requireTopic(stream, topic)._partitions) {
        state.deleteBelow(Math.min(state.firstStoredAtOrAfter(micros), state.retentionBarrier()));
      }
    }
  }

  /** Purges a topic: every partition restarts empty at offset 0 and stored offsets are dropped. */
  public void purgeTopic(String stream, String topic) {
    synchronized (_state) {
      _state.requireTopic(stream, topic)._partitions.forEach(PartitionState::purge);
    }
  }

  /** First retained offset of a partition. */
  public long firstRetained(String stream, String topic, int partition) {
    synchronized (_state) {
      return _state.requirePartition(stream, topic, partition).firstRetained();
    }
  }

  /** The stored offset of a plain consumer (by name) on a partition, or null. */
  public Long storedOffset(String stream, String topic, int partition, String consumerName) {
    synchronized (_state) {
      return _state.requirePartition(stream, topic, partition)._consumerOffsets.get(Integer.toUnsignedLong(Hashes.xxh32(
          consumerName)));
    }
  }

  /**
   * Saves every partition's unsaved messages now, as Iggy's message saver does every {@code message_saver.interval}
   * (which this server also runs by its clock, see {@link #clock}).
   */
  public void saveNow() {
    _state.saveAll();
  }

  /** Messages of a partition not saved yet: an unclean restart would lose them. */
  public long unsavedMessages(String stream, String topic, int partition) {
    synchronized (_state) {
      _state.runSaverIfDue();
      return _state.requirePartition(stream, topic, partition).unsavedCount();
    }
  }

  /** Open client connections. */
  public int connectionCount() {
    return _network.connections().size();
  }

  /** Resets every connection with TCP RST: requests in flight fail at once on the client. */
  public void dropConnections() {
    for (Channel channel : _network.connections()) {
      FrameHandler.reset(channel);
    }
  }

  /** Resets, with TCP RST, only the open connections that have polled the partition. */
  public void dropPartitionConnections(String stream, String topic, int partition) {
    PartitionRef polled = new PartitionRef(stream, topic, partition);
    for (Channel channel : _network.connections()) {
      if (FrameHandler.hasPolled(channel, polled)) {
        FrameHandler.reset(channel);
      }
    }
  }

  /** Open connections that have polled the partition (by stream and topic name). */
  public int partitionConnectionCount(String stream, String topic, int partition) {
    PartitionRef polled = new PartitionRef(stream, topic, partition);
    return (int) _network.connections().stream().filter(channel -> FrameHandler.hasPolled(channel, polled)).count();
  }

  /** Poll answers written so far for the partition, on every connection (stalled ones once written). */
  public long pollsAnswered(String stream, String topic, int partition) {
    return _faults.pollsAnswered(new PartitionRef(stream, topic, partition));
  }

  /** Closes every connection with FIN: the SDK 0.8.0 never completes a request in flight on it. */
  public void closeConnectionsGracefully() {
    _network.closeConnections();
  }

  /** Sends the unsolicited Disconnected (8) frame on every connection, then closes them, as a server shutdown does. */
  public void sendDisconnected() {
    for (Channel channel : _network.connections()) {
      channel.writeAndFlush(channel.alloc().buffer(8).writeIntLE(ErrorCodes.DISCONNECTED).writeIntLE(0))
          .addListener(future -> channel.close());
    }
  }

  /** Stops listening (new connections are refused) and resets the open ones; {@link #acceptConnections()} undoes it. */
  public void refuseConnections() {
    _network.unbind();
    dropConnections();
  }

  /** Listens again on the same port. */
  public void acceptConnections() {
    _network.bind();
  }

  /**
   * A graceful restart (SIGTERM): the message saver's last run saves every partition, then the server stops and starts
   * on the same port, keeping every stream, message and offset.
   */
  public void restart() {
    _network.stop();
    _state.saveAll();
    startNetwork();
  }

  /**
   * An unclean restart (SIGKILL, then a start on the same data): every partition loses its unsaved messages and the
   * next messages sent take over their offsets; stored consumer offsets are kept as written, even beyond the end.
   */
  public void restartUnclean() {
    _network.stop();
    _state.stopUncleanly();
    startNetwork();
  }

  @Override
  public void close() {
    _network.stop();
  }

  private void startNetwork() {
    _state.started();
    _network.start();
  }

  /** Options of a test server. */
  public static final class Builder {
    private int _port;
    private boolean _tls;
    private String _username = "iggy";
    private String _password = "iggy";
    private int _messagesRequiredToSave = Persistence.DEFAULT_MESSAGES_REQUIRED_TO_SAVE;
    private long _bytesRequiredToSave = Persistence.DEFAULT_BYTES_REQUIRED_TO_SAVE;
    private Duration _saverInterval = Persistence.DEFAULT_SAVER_INTERVAL;

    /** 0 (the default) picks a free port. */
    public Builder port(int port) {
      _port = port;
      return this;
    }

    public Builder tls(boolean tls) {
      _tls = tls;
      return this;
    }

    public Builder root(String username, String password) {
      _username = username;
      _password = password;
      return this;
    }

    /** {@code system.partition.messages_required_to_save}: 1024 by default, as in Iggy 0.8; 1 saves every send. */
    public Builder messagesRequiredToSave(int messages) {
      _messagesRequiredToSave = messages;
      return this;
    }

    /** {@code system.partition.size_of_messages_required_to_save} in bytes: 1 MiB by default. */
    public Builder sizeOfMessagesRequiredToSave(long bytes) {
      _bytesRequiredToSave = bytes;
      return this;
    }

    /** {@code message_saver.interval} (30 s by default), timed by the server clock; zero turns the saver off. */
    public Builder messageSaverInterval(Duration interval) {
      _saverInterval = interval;
      return this;
    }

    public IggyTestServer start() {
      IggyTestServer server = new IggyTestServer(this);
      server.startNetwork();
      return server;
    }
  }
}
