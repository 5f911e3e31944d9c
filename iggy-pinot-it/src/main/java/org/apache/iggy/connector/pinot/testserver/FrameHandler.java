package org.apache.iggy.connector.pinot.testserver;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads request frames ({@code length u32 · code u32 · payload}, length counting the code) and answers each with
 * exactly one response ({@code status u32 · length u32 · payload}, empty for errors), in order, also when
 * {@link Faults} holds some answers back.
 */
final class FrameHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(FrameHandler.class);
  private static final int HEADER_BYTES = 8;
  private static final long MAX_STALL_MILLIS = TimeUnit.DAYS.toMillis(365);
  private static final AttributeKey<Session> SESSION = AttributeKey.valueOf("iggy-test-server-session");

  private final CommandDispatcher _dispatcher;
  private final ServerState _state;
  private final Faults _faults;
  private ByteBuf _pending;
  private Session _session;
  // Event-loop confined: answers held back by a stall, in order, and whether one was swallowed.
  private final ArrayDeque<Held> _held = new ArrayDeque<>();
  private boolean _swallowing;

  /** An answer written once it is due and every answer before it was written. */
  private record Held(long dueNanos, Runnable write) {
  }

  FrameHandler(CommandDispatcher dispatcher, ServerState state, Faults faults) {
    _dispatcher = dispatcher;
    _state = state;
    _faults = faults;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
    _session = new Session(remote.getAddress().getHostAddress() + ":" + remote.getPort());
    synchronized (_state) {
      _state._sessions.put(_session._clientId, _session);
    }
    ctx.channel().attr(SESSION).set(_session);
    _pending = ctx.alloc().buffer();
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (_session != null) {
      _state.disconnected(_session);
    }
    if (_pending != null) {
      _pending.release();
      _pending = null;
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    try {
      _pending.writeBytes(in);
    } finally {
      in.release();
    }
    while (_pending.readableBytes() >= HEADER_BYTES) {
      long length = _pending.getUnsignedIntLE(_pending.readerIndex());
      if (length < 4) {
        _pending.skipBytes(HEADER_BYTES);
        respond(ctx, 0, ErrorCodes.INVALID_COMMAND, null);
        continue;
      }
      if (_pending.readableBytes() < 4 + length) {
        break;
      }
      _pending.skipBytes(4);
      int code = _pending.readIntLE();
      ByteBuf payload = _pending.readRetainedSlice((int) (length - 4));
      try {
        handle(ctx, code, payload);
      } finally {
        payload.release();
      }
    }
    _pending.discardSomeReadBytes();
  }

  private void handle(ChannelHandlerContext ctx, int code, ByteBuf payload) {
    _session._polling = null;
    int injected = _faults.takeFailure(code);
    if (injected != 0) {
      respond(ctx, code, injected, null);
      return;
    }
    try {
      _state.runSaverIfDue();
      respond(ctx, code, 0, _dispatcher.dispatch(code, payload, _session));
    } catch (IggyServerError e) {
      respond(ctx, code, e.code(), null);
    } catch (RuntimeException e) {
      LOG.warn("Command {} failed in the test server", code, e);
      respond(ctx, code, ErrorCodes.ERROR, null);
    }
  }

  private void respond(ChannelHandlerContext ctx, int code, int status, ByteBuf body) {
    PartitionRef polled = _session._polling;
    int bodyLength = body == null ? 0 : body.readableBytes();
    ByteBuf response = ctx.alloc().buffer(HEADER_BYTES + bodyLength);
    response.writeIntLE(status).writeIntLE(bodyLength);
    if (body != null) {
      response.writeBytes(body);
      body.release();
    }
    long stall = _faults.stallMillis(polled);
    if (_swallowing || stall == Faults.NEVER) {
      // Nothing after a swallowed answer may be written: the client would take it for the answer it waits for.
      LOG.debug("Swallowing the answer to command {}", code);
      _swallowing = true;
      _faults.recordSwallowed();
      response.release();
      return;
    }
    boolean cut = _faults.takeCut();
    Runnable write = () -> {
      if (cut) {
        ctx.writeAndFlush(response.retainedSlice(0, response.readableBytes() / 2))
            .addListener(ChannelFutureListener.CLOSE);
        response.release();
      } else {
        ctx.writeAndFlush(response);
      }
      if (polled != null) {
        _faults.recordPollAnswered(polled);
      }
    };
    if (stall == 0 && _held.isEmpty()) {
      write.run();
      return;
    }
    long now = System.nanoTime();
    // A year stands for any longer stall, so that the due time cannot overflow.
    long due = Math.max(now + TimeUnit.MILLISECONDS.toNanos(Math.min(stall, MAX_STALL_MILLIS)),
        _held.isEmpty() ? now : _held.peekLast().dueNanos());
    _held.addLast(new Held(due, write));
    if (_held.size() == 1) {
      ctx.executor().schedule(() -> writeDue(ctx), due - now, TimeUnit.NANOSECONDS);
    }
  }

  private void writeDue(ChannelHandlerContext ctx) {
    long now = System.nanoTime();
    while (!_held.isEmpty() && _held.peekFirst().dueNanos() <= now) {
      _held.pollFirst().write().run();
    }
    if (!_held.isEmpty()) {
      ctx.executor().schedule(() -> writeDue(ctx), _held.peekFirst().dueNanos() - now, TimeUnit.NANOSECONDS);
    }
  }

  /** Whether the connection has polled the partition. */
  static boolean hasPolled(io.netty.channel.Channel channel, PartitionRef polled) {
    Session session = channel.attr(SESSION).get();
    return session != null && session._polled.contains(polled);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("Test server connection error: {}", cause.toString());
    ctx.close();
  }

  /** Closes with TCP RST instead of FIN. */
  static void reset(io.netty.channel.Channel channel) {
    channel.config().setOption(ChannelOption.SO_LINGER, 0);
    channel.close();
  }
}
