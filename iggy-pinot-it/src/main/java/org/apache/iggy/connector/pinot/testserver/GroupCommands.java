package org.apache.iggy.connector.pinot.testserver;

import java.util.ArrayList;

/** Consumer groups: create, get, list, delete, join and leave (membership belongs to the connection). */
final class GroupCommands {
  private final ServerState _state;

  GroupCommands(ServerState state) {
    _state = state;
  }

  WriterBuf create(WireReader in, Session session) {
    StreamCommands.requireRoot(session);
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    String name = in.name();
    synchronized (_state) {
      TopicState topic = ServerState.requireTopic(_state.requireStream(streamId), topicId);
      for (GroupState group : topic._groups.values()) {
        if (group._name.equals(name)) {
          throw new IggyServerError(ErrorCodes.CONSUMER_GROUP_NAME_ALREADY_EXISTS);
        }
      }
      int id = topic._groups.insert(slot -> new GroupState(slot, name));
      WriterBuf out = new WriterBuf();
      Responses.group(out, topic._groups.get(id), topic._partitions.size());
      return out;
    }
  }

  WriterBuf get(WireReader in, Session session) {
    session.requireUser();
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    WireId groupId = in.identifier();
    synchronized (_state) {
      TopicState topic = _state.topicOrNull(streamId, topicId);
      GroupState group = topic == null ? null : ServerState.group(topic, groupId);
      if (group == null) {
        return null;
      }
      WriterBuf out = new WriterBuf();
      Responses.group(out, group, topic._partitions.size());
      Responses.members(out, group);
      return out;
    }
  }

  WriterBuf list(WireReader in, Session session) {
    session.requireUser();
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    synchronized (_state) {
      TopicState topic = _state.topicOrNull(streamId, topicId);
      if (topic == null) {
        return null;
      }
      WriterBuf out = new WriterBuf();
      for (GroupState group : topic._groups.values()) {
        Responses.group(out, group, topic._partitions.size());
      }
      return out;
    }
  }

  WriterBuf delete(WireReader in, Session session) {
    StreamCommands.requireRoot(session);
    synchronized (_state) {
      TopicGroup target = resolve(in);
      target.topic()._groups.remove(target.group()._id);
    }
    return null;
  }

  /** Join is idempotent; every membership change deals the partitions again. */
  WriterBuf join(WireReader in, Session session) {
    session.requireUser();
    synchronized (_state) {
      TopicGroup target = resolve(in);
      if (!target.group()._members.containsKey(session._clientId)) {
        target.group()._members.put(session._clientId, new ArrayList<>());
        target.group().rebalance(target.topic()._partitions.size());
      }
    }
    return null;
  }

  WriterBuf leave(WireReader in, Session session) {
    session.requireUser();
    synchronized (_state) {
      TopicGroup target = resolve(in);
      if (target.group()._members.remove(session._clientId) == null) {
        throw new IggyServerError(ErrorCodes.CONSUMER_GROUP_MEMBER_NOT_FOUND);
      }
      target.group()._pollCursor.remove(session._clientId);
      target.group().rebalance(target.topic()._partitions.size());
    }
    return null;
  }

  /** A group and its topic, named by stream · topic · group identifiers; missing ones are 1009 / 2010 / 5000. */
  private record TopicGroup(TopicState topic, GroupState group) {
  }

  private TopicGroup resolve(WireReader in) {
    WireId streamId = in.identifier();
    WireId topicId = in.identifier();
    WireId groupId = in.identifier();
    TopicState topic = ServerState.requireTopic(_state.requireStream(streamId), topicId);
    return new TopicGroup(topic, requireGroup(topic, groupId));
  }

  private static GroupState requireGroup(TopicState topic, WireId id) {
    GroupState group = ServerState.group(topic, id);
    if (group == null) {
      throw new IggyServerError(ErrorCodes.CONSUMER_GROUP_ID_NOT_FOUND);
    }
    return group;
  }
}
