package org.apache.iggy.connector.pinot.testserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consumer group. Membership belongs to a connection (its client id); partitions are dealt round-robin over the
 * members whenever membership or the partition count changes.
 */
final class GroupState {
  final int _id;
  final String _name;
  final Map<Long, List<Integer>> _members = new LinkedHashMap<>();
  final Map<Long, Integer> _pollCursor = new LinkedHashMap<>();

  GroupState(int id, String name) {
    _id = id;
    _name = name;
  }

  void rebalance(int partitions) {
    List<Long> clients = new ArrayList<>(_members.keySet());
    for (Long client : clients) {
      _members.put(client, new ArrayList<>());
    }
    for (int partition = 0; partition < partitions && !clients.isEmpty(); partition++) {
      _members.get(clients.get(partition % clients.size())).add(partition);
    }
  }
}
