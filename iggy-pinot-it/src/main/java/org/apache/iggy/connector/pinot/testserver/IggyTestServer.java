package org.apache.iggy.connector.pinot.testserver;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * An in-process test double of Iggy server 0.8 that speaks its TCP protocol byte for byte, for the commands the
 * connector and the tests use. Binds 127.0.0.1 on an ephemeral (or given) port. State lives in memory and survives
 * {@link #restart()}. Tests control retention ({@link #deleteBelow}, {@link #purgeTopic}, {@link #expireOlderThan}),
 * users and tokens, the clock, and faults ({@link #faults()}, {@link #dropConnections()},
 * {@link #closeConnectionsGracefully()}, {@link #refuseConnections()}, {@link #sendDisconnected()}).
 * Never shipped: it lives in the integration-test module only.
 */
public final class IggyTestServer implements AutoCloseable {
  private final ServerState _state;
  private final UserCommands _users;
  private final Faults _faults = new Faults();
  private final SelfSignedTls _tls;
  private final ChannelGroup _connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private EventLoopGroup _boss;
  private EventLoopGroup _workers;
  private Channel _serverChannel;
  private int _port;

  private IggyTestServer(Builder builder) {
    _state = new ServerState(builder._username, builder._password);
    _users = new UserCommands(_state);
    _tls = builder._tls ? SelfSignedTls.generate("localhost") : null;
    _port = builder._port;
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
    return _port;
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

  /** Replaces the server clock (microseconds since the epoch); from then on time never goes backwards. */
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
      PartitionState state = partition(stream, topic, partition);
      state.deleteBelow(Math.min(offset, state.retentionBarrier()));
      return state.firstRetained();
    }
  }

  /** Retention by time: drops, in every partition of the topic, messages stored before {@code micros}. */
  public void expireOlderThan(String stream, String topic, long micros) {
    synchronized (_state) {
      for (PartitionState state : topic(stream, topic)._partitions) {
        long firstKept = state._nextOffset;
        for (StoredMessage message : state._messages) {
          if (message.timestampMicros() >= micros) {
            firstKept = message.offset();
            break;
          }
        }
        state.deleteBelow(Math.min(firstKept, state.retentionBarrier()));
      }
    }
  }

  /** Purges a topic: every partition restarts empty at offset 0 and stored offsets are dropped. */
  public void purgeTopic(String stream, String topic) {
    synchronized (_state) {
      topic(stream, topic)._partitions.forEach(PartitionState::purge);
    }
  }

  /** First retained offset of a partition. */
  public long firstRetained(String stream, String topic, int partition) {
    synchronized (_state) {
      return partition(stream, topic, partition).firstRetained();
    }
  }

  /** The stored offset of a plain consumer (by name) on a partition, or null. */
  public Long storedOffset(String stream, String topic, int partition, String consumerName) {
    synchronized (_state) {
      return partition(stream, topic, partition)._consumerOffsets.get(Integer.toUnsignedLong(Hashes.xxh32(
          consumerName)));
    }
  }

  /** Open client connections. */
  public int connectionCount() {
    return _connections.size();
  }

  /** Resets every connection with TCP RST: requests in flight fail at once on the client. */
  public void dropConnections() {
    for (Channel channel : new ArrayList<>(_connections)) {
      FrameHandler.reset(channel);
    }
  }

  /** Closes every connection with FIN: the SDK 0.8.0 never completes a request in flight on it. */
  public void closeConnectionsGracefully() {
    _connections.close().awaitUninterruptibly();
  }

  /** Sends the unsolicited Disconnected (8) frame on every connection, then closes them, as a server shutdown does. */
  public void sendDisconnected() {
    for (Channel channel : new ArrayList<>(_connections)) {
      channel.writeAndFlush(channel.alloc().buffer(8).writeIntLE(ErrorCodes.DISCONNECTED).writeIntLE(0))
          .addListener(future -> channel.close());
    }
  }

  /** Stops listening (new connections are refused) and resets the open ones; {@link #acceptConnections()} undoes it. */
  public void refuseConnections() {
    if (_serverChannel != null) {
      _serverChannel.close().awaitUninterruptibly();
      _serverChannel = null;
    }
    dropConnections();
  }

  /** Listens again on the same port. */
  public void acceptConnections() {
    if (_serverChannel == null) {
      bind();
    }
  }

  /** Stops and starts again on the same port, keeping all data. */
  public void restart() {
    stopNetwork();
    startNetwork();
  }

  @Override
  public void close() {
    stopNetwork();
  }

  private synchronized void startNetwork() {
    _boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    _workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    bind();
  }

  private void bind() {
    SslContext ssl = sslContext();
    CommandDispatcher dispatcher = new CommandDispatcher(_state, _users);
    ServerBootstrap bootstrap = new ServerBootstrap().group(_boss, _workers).channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            _connections.add(channel);
            if (ssl != null) {
              channel.pipeline().addLast(ssl.newHandler(channel.alloc()));
            }
            channel.pipeline().addLast(new FrameHandler(dispatcher, _state, _faults));
          }
        });
    _serverChannel = bootstrap.bind(new InetSocketAddress(host(), _port)).syncUninterruptibly().channel();
    _port = ((InetSocketAddress) _serverChannel.localAddress()).getPort();
  }

  private SslContext sslContext() {
    if (_tls == null) {
      return null;
    }
    try {
      return SslContextBuilder.forServer(_tls.privateKey(), _tls.certificate()).build();
    } catch (javax.net.ssl.SSLException e) {
      throw new IllegalStateException("cannot build the TLS context", e);
    }
  }

  private synchronized void stopNetwork() {
    if (_serverChannel != null) {
      _serverChannel.close().syncUninterruptibly();
      _serverChannel = null;
    }
    _connections.close().awaitUninterruptibly();
    List<io.netty.util.concurrent.Future<?>> shutdowns = new ArrayList<>();
    if (_boss != null) {
      shutdowns.add(_boss.shutdownGracefully(0, 1, TimeUnit.SECONDS));
      shutdowns.add(_workers.shutdownGracefully(0, 1, TimeUnit.SECONDS));
      _boss = null;
      _workers = null;
    }
    shutdowns.forEach(io.netty.util.concurrent.Future::awaitUninterruptibly);
  }

  private TopicState topic(String stream, String topic) {
    StreamState streamState = _state.stream(new WireId(-1, stream));
    TopicState topicState = streamState == null ? null : ServerState.topic(streamState, new WireId(-1, topic));
    if (topicState == null) {
      throw new IllegalArgumentException("no topic " + stream + "/" + topic);
    }
    return topicState;
  }

  private PartitionState partition(String stream, String topic, int partition) {
    PartitionState state = topic(stream, topic).partition(partition);
    if (state == null) {
      throw new IllegalArgumentException("no partition " + partition + " in " + stream + "/" + topic);
    }
    return state;
  }

  /** Options of a test server. */
  public static final class Builder {
    private int _port;
    private boolean _tls;
    private String _username = "iggy";
    private String _password = "iggy";

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

    public IggyTestServer start() {
      IggyTestServer server = new IggyTestServer(this);
      server.startNetwork();
      return server;
    }
  }
}
