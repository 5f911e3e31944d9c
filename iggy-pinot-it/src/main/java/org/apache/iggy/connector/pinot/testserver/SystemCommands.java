package org.apache.iggy.connector.pinot.testserver;

import java.util.List;

/** Ping, GetMe and GetStats. */
final class SystemCommands {
  private final ServerState _state;
  private final long _startedMicros;

  SystemCommands(ServerState state) {
    _state = state;
    _startedMicros = state.nowMicros();
  }

  /** GetMe: client_id · user_id (u32::MAX when not logged in) · transport · address · group memberships. */
  WriterBuf me(Session session) {
    UserAccount user = session.requireUser();
    List<long[]> memberships = _state.memberships(session._clientId);
    WriterBuf out = new WriterBuf().u32(session._clientId).u32(user.id()).u8(1).longString(session._address)
        .u32(memberships.size());
    for (long[] membership : memberships) {
      out.u32(membership[0]).u32(membership[1]).u32(membership[2]);
    }
    return out;
  }

  /** GetStats, in the field order of {@code responses/system/get_stats.rs}. */
  WriterBuf stats(Session session) {
    if (!session.requireUser().isRoot()) {
      throw new IggyServerError(ErrorCodes.UNAUTHORIZED);
    }
    synchronized (_state) {
      int topics = 0;
      int partitions = 0;
      int groups = 0;
      long messages = 0;
      long size = 0;
      for (StreamState stream : _state._streams.values()) {
        for (TopicState topic : stream._topics.values()) {
          topics++;
          partitions += topic._partitions.size();
          groups += topic._groups.values().size();
          messages += topic.messagesCount();
          size += topic.sizeBytes();
        }
      }
      Runtime runtime = Runtime.getRuntime();
      long now = _state.nowMicros();
      return new WriterBuf().u32(ProcessHandle.current().pid()).f32(0).f32(0)
          .u64(runtime.totalMemory() - runtime.freeMemory()).u64(runtime.maxMemory()).u64(runtime.freeMemory())
          .u64(now - _startedMicros).u64(_startedMicros).u64(0).u64(size).u64(size)
          .u32(_state._streams.values().size()).u32(topics).u32(partitions).u32(partitions).u64(messages)
          .u32(_state._sessions.size()).u32(groups)
          .longString("localhost").longString(System.getProperty("os.name")).longString(System.getProperty(
              "os.version")).longString(System.getProperty("os.version")).longString("0.8.0")
          .u32(8000).u32(0).u32(Thread.activeCount()).u64(0).u64(0);
    }
  }
}
