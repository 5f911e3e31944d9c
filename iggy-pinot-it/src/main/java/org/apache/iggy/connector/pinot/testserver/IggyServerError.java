package org.apache.iggy.connector.pinot.testserver;

/** A request failed with an Iggy error code; the server answers with that status and an empty body. */
final class IggyServerError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int _code;

  IggyServerError(int code) {
    super("Iggy error " + code, null, false, false);
    _code = code;
  }

  int code() {
    return _code;
  }
}
