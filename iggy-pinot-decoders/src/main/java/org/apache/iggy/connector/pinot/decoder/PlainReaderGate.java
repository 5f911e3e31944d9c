package org.apache.iggy.connector.pinot.decoder;

/**
 * Decides which payloads the plain reader tries first: every one while it reads them, fewer and fewer while it
 * declines them in a row, since a declined payload is read twice. Plain fields suffice: a race between two threads
 * using one decoder only changes which reader goes first, never what a payload decodes to.
 */
final class PlainReaderGate {
  /** The most payloads sent straight to Jackson after a decline. */
  static final int MAX_SKIPPED = 1024;

  private int _toSkip;
  private int _skipAfterDecline;

  /** Whether to try the plain reader on the next payload. */
  boolean tryPlain() {
    if (_toSkip > 0) {
      _toSkip--;
      return false;
    }
    return true;
  }

  void plainRead() {
    _skipAfterDecline = 0;
  }

  void plainDeclined() {
    _skipAfterDecline = Math.min(MAX_SKIPPED, Math.max(1, 2 * _skipAfterDecline));
    _toSkip = _skipAfterDecline;
  }
}
