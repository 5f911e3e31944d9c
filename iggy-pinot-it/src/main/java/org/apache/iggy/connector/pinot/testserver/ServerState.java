package org.apache.iggy.connector.pinot.testserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Everything the server stores. All access is synchronised on this object. */
final class ServerState {
  final Slab<StreamState> _streams = new Slab<>();
  final Map<String, UserAccount> _users = new LinkedHashMap<>();
  final Map<String, Token> _tokens = new HashMap<>();
  final Map<Long, Session> _sessions = new HashMap<>();
  final Persistence _persistence;
  private LongSupplier _clockMicros = () -> TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
  private long _lastMicros;

  /**
   * A personal access token.
   *
   * @param userId whose token
   * @param name its name
   * @param expiryMicros when it expires, 0 for never
   */
  record Token(int userId, String name, long expiryMicros) {
  }

  ServerState(String rootUsername, String rootPassword, Persistence persistence) {
    _users.put(rootUsername, new UserAccount(0, rootUsername, rootPassword, true, null));
    _persistence = persistence;
  }

  /** Replaces the clock; time then restarts from it and never goes backwards again, nor does the saver's period. */
  synchronized void clock(LongSupplier micros) {
    _clockMicros = micros;
    _lastMicros = 0;
    _persistence.startSaver(nowMicros());
  }

  /** The server started: the message saver's period starts now. */
  synchronized void started() {
    _persistence.startSaver(nowMicros());
  }

  /** The message saver, if its period has passed. */
  synchronized void runSaverIfDue() {
    if (_persistence.saverDue(nowMicros())) {
      forEachPartition(PartitionState::save);
    }
  }

  /** Saves every partition, as the saver's last run on a graceful shutdown does. */
  synchronized void saveAll() {
    forEachPartition(PartitionState::save);
  }

  /** A kill: what the saver would have saved by now is saved, every other unsaved tail is lost. */
  synchronized void stopUncleanly() {
    runSaverIfDue();
    forEachPartition(PartitionState::dropUnsaved);
  }

  private void forEachPartition(Consumer<PartitionState> action) {
    for (StreamState stream : _streams.values()) {
      for (TopicState topic : stream._topics.values()) {
        topic._partitions.forEach(action);
      }
    }
  }

  /** Server time in microseconds, never going backwards. */
  synchronized long nowMicros() {
    _lastMicros = Math.max(_lastMicros, _clockMicros.getAsLong());
    return _lastMicros;
  }

  synchronized UserAccount addUser(String username, String password, boolean active, Set<Integer> readableStreams) {
    UserAccount user = new UserAccount(_users.size(), username, password, active, readableStreams);
    _users.put(username, user);
    return user;
  }

  synchronized UserAccount userById(int id) {
    for (UserAccount user : _users.values()) {
      if (user.id() == id) {
        return user;
      }
    }
    return null;
  }

  StreamState stream(WireId id) {
    if (id.isNumeric()) {
      return _streams.get(id.numeric());
    }
    for (StreamState stream : _streams.values()) {
      if (stream._name.equals(id.name())) {
        return stream;
      }
    }
    return null;
  }

  StreamState requireStream(WireId id) {
    StreamState stream = stream(id);
    if (stream == null) {
      throw new IggyServerError(ErrorCodes.STREAM_ID_NOT_FOUND);
    }
    return stream;
  }

  /** The topic, or null when the stream or the topic is missing (the empty-OK lookups of Get commands). */
  TopicState topicOrNull(WireId streamId, WireId topicId) {
    StreamState stream = stream(streamId);
    return stream == null ? null : topic(stream, topicId);
  }

  static TopicState topic(StreamState stream, WireId id) {
    if (id.isNumeric()) {
      return stream._topics.get(id.numeric());
    }
    for (TopicState topic : stream._topics.values()) {
      if (topic._name.equals(id.name())) {
        return topic;
      }
    }
    return null;
  }

  static TopicState requireTopic(StreamState stream, WireId id) {
    TopicState topic = topic(stream, id);
    if (topic == null) {
      throw new IggyServerError(ErrorCodes.TOPIC_ID_NOT_FOUND);
    }
    return topic;
  }

  /** The topic by names, for the control hooks; a missing one is the test's mistake. */
  TopicState requireTopic(String stream, String topic) {
    StreamState streamState = stream(new WireId(-1, stream));
    TopicState topicState = streamState == null ? null : topic(streamState, new WireId(-1, topic));
    if (topicState == null) {
      throw new IllegalArgumentException("no topic " + stream + "/" + topic);
    }
    return topicState;
  }

  /** The partition by names and id, for the control hooks. */
  PartitionState requirePartition(String stream, String topic, int partition) {
    PartitionState state = requireTopic(stream, topic).partition(partition);
    if (state == null) {
      throw new IllegalArgumentException("no partition " + partition + " in " + stream + "/" + topic);
    }
    return state;
  }

  static GroupState group(TopicState topic, WireId id) {
    if (id.isNumeric()) {
      return topic._groups.get(id.numeric());
    }
    for (GroupState group : topic._groups.values()) {
      if (group._name.equals(id.name())) {
        return group;
      }
    }
    return null;
  }

  /** Groups the client of a connection belongs to: stream id, topic id, group id. */
  synchronized List<long[]> memberships(long clientId) {
    List<long[]> memberships = new ArrayList<>();
    for (StreamState stream : _streams.values()) {
      for (TopicState topic : stream._topics.values()) {
        for (GroupState group : topic._groups.values()) {
          if (group._members.containsKey(clientId)) {
            memberships.add(new long[] {stream._id, topic._id, group._id});
          }
        }
      }
    }
    return memberships;
  }

  /** A connection closed: it leaves every group it had joined. */
  synchronized void disconnected(Session session) {
    _sessions.remove(session._clientId);
    for (StreamState stream : _streams.values()) {
      for (TopicState topic : stream._topics.values()) {
        for (GroupState group : topic._groups.values()) {
          if (group._members.remove(session._clientId) != null) {
            group._pollCursor.remove(session._clientId);
            group.rebalance(topic._partitions.size());
          }
        }
      }
    }
  }
}
