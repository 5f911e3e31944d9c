package org.apache.iggy.connector.pinot.e2e;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pinot.spi.env.PinotConfiguration;
import org.apache.pinot.spi.filesystem.LocalPinotFS;
import org.apache.pinot.spi.filesystem.PinotFSFactory;

/**
 * Pinot's local file system with one segment's commit held: the controller's commit end moves the uploaded segment
 * to its place in the deep store first, so holding that move keeps the segment in the middle of its commit for as
 * long as a test needs to look at it. Pinot creates file systems by class name, hence the static hold.
 */
public final class HeldSegmentMoves extends LocalPinotFS {
  private static volatile String heldPrefix;
  private static volatile CountDownLatch released = new CountDownLatch(0);

  /** Replaces Pinot's {@code file} file system with this one; call after the controller has started. */
  static void install() {
    PinotFSFactory.register("file", HeldSegmentMoves.class.getName(), new PinotConfiguration());
  }

  /** Holds the move of every segment whose name starts with {@code segmentNamePrefix} until {@link #release()}. */
  static void hold(String segmentNamePrefix) {
    released = new CountDownLatch(1);
    heldPrefix = segmentNamePrefix;
  }

  static void release() {
    heldPrefix = null;
    released.countDown();
  }

  @Override
  public boolean doMove(URI srcUri, URI dstUri) throws IOException {
    String prefix = heldPrefix;
    String name = dstUri.getPath().substring(dstUri.getPath().lastIndexOf('/') + 1);
    if (prefix != null && name.startsWith(prefix)) {
      try {
        if (!released.await(60, TimeUnit.SECONDS)) {
          throw new IOException("segment move " + name + " held for more than 60 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the move of " + name + " was held", e);
      }
    }
    return super.doMove(srcUri, dstUri);
  }
}
