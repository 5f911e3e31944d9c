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
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The listening socket, its event loops and the open connections of an {@link IggyTestServer}. */
final class ServerNetwork {
  private final String _host;
  private final SelfSignedTls _tls;
  private final Supplier<FrameHandler> _handlers;
  private final ChannelGroup _connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private EventLoopGroup _boss;
  private EventLoopGroup _workers;
  private Channel _serverChannel;
  private int _port;

  ServerNetwork(String host, int port, SelfSignedTls tls, Supplier<FrameHandler> handlers) {
    _host = host;
    _port = port;
    _tls = tls;
    _handlers = handlers;
  }

  int port() {
    return _port;
  }

  List<Channel> connections() {
    return new ArrayList<>(_connections);
  }

  synchronized void start() {
    _boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("iggy-test-server-boss"),
        NioIoHandler.newFactory());
    _workers = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("iggy-test-server"),
        NioIoHandler.newFactory());
    bind();
  }

  /** Listens (again) on the port, keeping the event loops. */
  synchronized void bind() {
    if (_serverChannel != null) {
      return;
    }
    SslContext ssl = sslContext();
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
            channel.pipeline().addLast(_handlers.get());
          }
        });
    _serverChannel = bootstrap.bind(new InetSocketAddress(_host, _port)).syncUninterruptibly().channel();
    _port = ((InetSocketAddress) _serverChannel.localAddress()).getPort();
  }

  /** Stops listening; open connections stay. */
  synchronized void unbind() {
    if (_serverChannel != null) {
      _serverChannel.close().awaitUninterruptibly();
      _serverChannel = null;
    }
  }

  /** Closes every connection with FIN. */
  void closeConnections() {
    _connections.close().awaitUninterruptibly();
  }

  synchronized void stop() {
    if (_serverChannel != null) {
      _serverChannel.close().syncUninterruptibly();
      _serverChannel = null;
    }
    closeConnections();
    List<Future<?>> shutdowns = new ArrayList<>();
    if (_boss != null) {
      shutdowns.add(_boss.shutdownGracefully(0, 1, TimeUnit.SECONDS));
      shutdowns.add(_workers.shutdownGracefully(0, 1, TimeUnit.SECONDS));
      _boss = null;
      _workers = null;
    }
    shutdowns.forEach(Future::awaitUninterruptibly);
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
}
