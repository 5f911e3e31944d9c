package org.apache.iggy.connector.pinot.testserver;

import java.nio.charset.StandardCharsets;
import net.openhft.hashing.LongHashFunction;

/**
 * The hashes Iggy 0.8 uses: XXH3-64 with seed 0 for message checksums, XXH32 with seed 0 for client ids and message-key
 * partitioning.
 */
public final class Hashes {
  private static final LongHashFunction XXH3 = LongHashFunction.xx3();
  private static final int PRIME1 = 0x9E3779B1;
  private static final int PRIME2 = 0x85EBCA77;
  private static final int PRIME3 = 0xC2B2AE3D;
  private static final int PRIME4 = 0x27D4EB2F;
  private static final int PRIME5 = 0x165667B1;

  private Hashes() {
  }

  /** XXH3-64, seed 0. */
  public static long xxh3(byte[] data, int offset, int length) {
    return XXH3.hashBytes(data, offset, length);
  }

  /** XXH32, seed 0. */
  public static int xxh32(byte[] data) {
    int length = data.length;
    int index = 0;
    int hash;
    if (length >= 16) {
      int v1 = PRIME1 + PRIME2;
      int v2 = PRIME2;
      int v3 = 0;
      int v4 = -PRIME1;
      int limit = length - 16;
      do {
        v1 = round(v1, readIntLe(data, index));
        v2 = round(v2, readIntLe(data, index + 4));
        v3 = round(v3, readIntLe(data, index + 8));
        v4 = round(v4, readIntLe(data, index + 12));
        index += 16;
      } while (index <= limit);
      hash = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12)
          + Integer.rotateLeft(v4, 18);
    } else {
      hash = PRIME5;
    }
    hash += length;
    while (index + 4 <= length) {
      hash = Integer.rotateLeft(hash + readIntLe(data, index) * PRIME3, 17) * PRIME4;
      index += 4;
    }
    while (index < length) {
      hash = Integer.rotateLeft(hash + (data[index] & 0xFF) * PRIME5, 11) * PRIME1;
      index++;
    }
    hash ^= hash >>> 15;
    hash *= PRIME2;
    hash ^= hash >>> 13;
    hash *= PRIME3;
    hash ^= hash >>> 16;
    return hash;
  }

  /** XXH32 of a string's UTF-8 bytes. */
  public static int xxh32(String text) {
    return xxh32(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int round(int accumulator, int input) {
    return Integer.rotateLeft(accumulator + input * PRIME2, 13) * PRIME1;
  }

  private static int readIntLe(byte[] data, int index) {
    return (data[index] & 0xFF) | (data[index + 1] & 0xFF) << 8 | (data[index + 2] & 0xFF) << 16
        | (data[index + 3] & 0xFF) << 24;
  }
}
