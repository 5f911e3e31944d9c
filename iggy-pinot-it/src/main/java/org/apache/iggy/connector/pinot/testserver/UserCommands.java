package org.apache.iggy.connector.pinot.testserver;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Login with user and password or personal access token, logout, and token creation. */
final class UserCommands {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final ServerState _state;

  UserCommands(ServerState state) {
    _state = state;
  }

  /**
   * LoginUser: username (u8 len) · password (u8 len) · version (u32 len) · context (u32 len). Checks in the order of
   * {@code login_user_handler.rs}: username length, password length, unknown user, inactive, wrong password.
   */
  WriterBuf login(WireReader in, Session session) {
    String username = in.shortString();
    String password = in.shortString();
    in.longString();
    in.longString();
    int usernameLength = username.getBytes(StandardCharsets.UTF_8).length;
    if (usernameLength < 3 || usernameLength > 50) {
      throw new IggyServerError(ErrorCodes.INVALID_USERNAME);
    }
    int passwordLength = password.getBytes(StandardCharsets.UTF_8).length;
    if (passwordLength < 3 || passwordLength > 100) {
      throw new IggyServerError(ErrorCodes.INVALID_PASSWORD);
    }
    UserAccount user;
    synchronized (_state) {
      user = _state._users.get(username);
    }
    if (user == null) {
      throw new IggyServerError(ErrorCodes.INVALID_CREDENTIALS);
    }
    if (!user.active()) {
      throw new IggyServerError(ErrorCodes.USER_INACTIVE);
    }
    if (!user.password().equals(password)) {
      throw new IggyServerError(ErrorCodes.INVALID_CREDENTIALS);
    }
    session._user = user;
    return new WriterBuf().u32(user.id());
  }

  /** LoginWithPersonalAccessToken: token (u8 len). Unknown → 20, expired → 54, inactive user → 47. */
  WriterBuf loginWithToken(WireReader in, Session session) {
    String token = in.name();
    UserAccount user;
    synchronized (_state) {
      ServerState.Token stored = _state._tokens.get(token);
      if (stored == null) {
        throw new IggyServerError(ErrorCodes.RESOURCE_NOT_FOUND);
      }
      if (stored.expiryMicros() != 0 && stored.expiryMicros() <= _state.nowMicros()) {
        throw new IggyServerError(ErrorCodes.PERSONAL_ACCESS_TOKEN_EXPIRED);
      }
      user = _state.userById(stored.userId());
    }
    if (user == null || !user.active()) {
      throw new IggyServerError(ErrorCodes.USER_INACTIVE);
    }
    session._user = user;
    return new WriterBuf().u32(user.id());
  }

  WriterBuf logout(Session session) {
    session.requireUser();
    session._user = null;
    return null;
  }

  /** CreatePersonalAccessToken: name · expiry u64 (µs, 0 = never). Answers the token as a name. */
  WriterBuf createToken(WireReader in, Session session) {
    UserAccount user = session.requireUser();
    String name = in.name();
    long expiry = in.u64();
    String token = createToken(user, name, expiry == 0 ? 0 : _state.nowMicros() + expiry);
    return new WriterBuf().name(token);
  }

  String createToken(UserAccount user, String name, long expiryMicros) {
    byte[] secret = new byte[50];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    synchronized (_state) {
      _state._tokens.put(token, new ServerState.Token(user.id(), name, expiryMicros));
    }
    return token;
  }
}
