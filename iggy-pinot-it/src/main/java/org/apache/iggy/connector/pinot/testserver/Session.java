package org.apache.iggy.connector.pinot.testserver;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the server knows about one TCP connection: its client id, address, logged-in user, the partitions it has
 * polled, and the partition the request being handled polls.
 */
final class Session {
  final long _clientId;
  final String _address;
  volatile UserAccount _user;
  final Set<PartitionRef> _polled = ConcurrentHashMap.newKeySet();
  PartitionRef _polling;

  Session(String address) {
    _address = address;
    _clientId = Integer.toUnsignedLong(Hashes.xxh32(address));
  }

  UserAccount requireUser() {
    UserAccount user = _user;
    if (user == null) {
      throw new IggyServerError(ErrorCodes.UNAUTHENTICATED);
    }
    return user;
  }
}
