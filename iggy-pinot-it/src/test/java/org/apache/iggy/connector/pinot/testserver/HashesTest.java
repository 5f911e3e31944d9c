package org.apache.iggy.connector.pinot.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Published XXH3-64 and XXH32 test vectors (seed 0). */
class HashesTest {

  private static long xxh3(byte[] data, int length) {
    return Hashes.xxh3(data, 0, length);
  }

  @Test
  void xxh3MatchesTheReferenceVectors() {
    byte[] none = new byte[0];
    assertThat(xxh3(none, 0)).isEqualTo(0x2D06800538D394C2L);
    assertThat(xxh3("a".getBytes(StandardCharsets.UTF_8), 1)).isEqualTo(0xE6C632B61E964E1FL);
    assertThat(xxh3("abc".getBytes(StandardCharsets.UTF_8), 3)).isEqualTo(0x78AF5F94892F3950L);
  }

  @Test
  void xxh3MatchesTheReferenceOnEveryLengthClass() {
    byte[] data = new byte[2243];
    long x = 1;
    for (int i = 0; i < data.length; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      data[i] = (byte) x;
    }
    assertThat(xxh3(data, 1)).isEqualTo(0xd0d496e05c553485L);
    assertThat(xxh3(data, 3)).isEqualTo(0x6ea2d59aca5c3778L);
    assertThat(xxh3(data, 8)).isEqualTo(0xabc1413da6cd0209L);
    assertThat(xxh3(data, 16)).isEqualTo(0x7e46916754d7c9b8L);
    assertThat(xxh3(data, 17)).isEqualTo(0xed4be912ba5f836dL);
    assertThat(xxh3(data, 128)).isEqualTo(0x06a146ee9a2da378L);
    assertThat(xxh3(data, 129)).isEqualTo(0xbc7138129bf065daL);
    assertThat(xxh3(data, 403)).isEqualTo(0xcefeb3ffa532ad8cL);
  }

  @Test
  void xxh32MatchesTheReferenceVectors() {
    assertThat(Hashes.xxh32("")).isEqualTo(0x02CC5D05);
    assertThat(Hashes.xxh32("a")).isEqualTo(0x550D7456);
    assertThat(Hashes.xxh32("abc")).isEqualTo(0x32D153FF);
    assertThat(Hashes.xxh32("Nobody inspects the spammish repetition")).isEqualTo(0xE2293B2F);
  }
}
