package org.apache.iggy.connector.pinot.testserver;

import io.netty.buffer.ByteBuf;

/** Routes a request to its handler. Returns the response body, or null for an empty OK. */
final class CommandDispatcher {
  private final SystemCommands _system;
  private final UserCommands _users;
  private final StreamCommands _streams;
  private final MessageCommands _messages;
  private final OffsetCommands _offsets;
  private final GroupCommands _groups;

  CommandDispatcher(ServerState state, UserCommands users) {
    _system = new SystemCommands(state);
    _users = users;
    _streams = new StreamCommands(state);
    _messages = new MessageCommands(state);
    _offsets = new OffsetCommands(state);
    _groups = new GroupCommands(state);
  }

  ByteBuf dispatch(int code, ByteBuf payload, Session session) {
    WireReader in = new WireReader(payload);
    WriterBuf out = handle(code, in, session);
    return out == null ? null : out.buf();
  }

  private WriterBuf handle(int code, WireReader in, Session session) {
    switch (code) {
      case CommandCodes.PING:
        return null;
      case CommandCodes.GET_STATS:
        return _system.stats(session);
      case CommandCodes.GET_ME:
        return _system.me(session);
      case CommandCodes.LOGIN_USER:
        return _users.login(in, session);
      case CommandCodes.LOGOUT_USER:
        return _users.logout(session);
      case CommandCodes.CREATE_PERSONAL_ACCESS_TOKEN:
        return _users.createToken(in, session);
      case CommandCodes.LOGIN_WITH_PERSONAL_ACCESS_TOKEN:
        return _users.loginWithToken(in, session);
      case CommandCodes.POLL_MESSAGES:
        return _messages.poll(in, session);
      case CommandCodes.SEND_MESSAGES:
        return _messages.send(in, session);
      case CommandCodes.GET_CONSUMER_OFFSET:
        return _offsets.get(in, session);
      case CommandCodes.STORE_CONSUMER_OFFSET:
        return _offsets.store(in, session);
      case CommandCodes.DELETE_CONSUMER_OFFSET:
        return _offsets.delete(in, session);
      case CommandCodes.GET_STREAM:
        return _streams.getStream(in, session);
      case CommandCodes.GET_STREAMS:
        return _streams.getStreams(session);
      case CommandCodes.CREATE_STREAM:
        return _streams.createStream(in, session);
      case CommandCodes.DELETE_STREAM:
        return _streams.deleteStream(in, session);
      case CommandCodes.PURGE_STREAM:
        return _streams.purgeStream(in, session);
      case CommandCodes.GET_TOPIC:
        return _streams.getTopic(in, session);
      case CommandCodes.GET_TOPICS:
        return _streams.getTopics(in, session);
      case CommandCodes.CREATE_TOPIC:
        return _streams.createTopic(in, session);
      case CommandCodes.DELETE_TOPIC:
        return _streams.deleteTopic(in, session);
      case CommandCodes.PURGE_TOPIC:
        return _streams.purgeTopic(in, session);
      case CommandCodes.CREATE_PARTITIONS:
        return _streams.createPartitions(in, session);
      case CommandCodes.DELETE_PARTITIONS:
        return _streams.deletePartitions(in, session);
      case CommandCodes.GET_CONSUMER_GROUP:
        return _groups.get(in, session);
      case CommandCodes.GET_CONSUMER_GROUPS:
        return _groups.list(in, session);
      case CommandCodes.CREATE_CONSUMER_GROUP:
        return _groups.create(in, session);
      case CommandCodes.DELETE_CONSUMER_GROUP:
        return _groups.delete(in, session);
      case CommandCodes.JOIN_CONSUMER_GROUP:
        return _groups.join(in, session);
      case CommandCodes.LEAVE_CONSUMER_GROUP:
        return _groups.leave(in, session);
      default:
        throw new IggyServerError(ErrorCodes.INVALID_COMMAND);
    }
  }
}
