package org.apache.iggy.connector.pinot.testserver;

import java.util.Set;

/**
 * A user of the test server.
 *
 * @param id the user id (root is 0)
 * @param username the login name
 * @param password the password
 * @param active whether the user may log in
 * @param readableStreams stream ids the user may read, or null for every stream (root)
 */
public record UserAccount(int id, String username, String password, boolean active, Set<Integer> readableStreams) {

  boolean canRead(int streamId) {
    return readableStreams == null || readableStreams.contains(streamId);
  }

  boolean isRoot() {
    return readableStreams == null;
  }
}
