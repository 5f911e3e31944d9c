package org.apache.iggy.connector.pinot.testserver;

/** What the server knows about one TCP connection: its client id, address and logged-in user. */
final class Session {
  final long _clientId;
  final String _address;
  volatile UserAccount _user;

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
