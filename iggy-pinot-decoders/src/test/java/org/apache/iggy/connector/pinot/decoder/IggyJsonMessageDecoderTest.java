package org.apache.iggy.connector.pinot.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IggyJsonMessageDecoderTest {

  private static IggyJsonMessageDecoder decoder(Set<String> fields) {
    IggyJsonMessageDecoder decoder = new IggyJsonMessageDecoder();
    decoder.init(Map.of(), fields, "user-events");
    return decoder;
  }

  private static GenericRow decode(String json) {
    return decoder(Set.of()).decode(json.getBytes(StandardCharsets.UTF_8), new GenericRow());
  }

  @Test
  void theReferenceEventBecomesARow() {
    GenericRow row = decode("{\"userId\":\"user123\",\"eventType\":\"page_view\",\"deviceId\":\"device456\","
        + "\"duration\":1500,\"count\":1,\"timestamp\":1701234567890}");

    assertThat(row.getFieldToValueMap()).containsOnly(Map.entry("userId", "user123"),
        Map.entry("eventType", "page_view"), Map.entry("deviceId", "device456"), Map.entry("duration", 1500),
        Map.entry("count", 1), Map.entry("timestamp", 1701234567890L));
  }

  @Test
  void numbersKeepTheirType() {
    GenericRow row = decode("{\"i\":7,\"l\":9007199254740993,\"big\":123456789012345678901234567890,"
        + "\"d\":1.5,\"e\":-2.5e3,\"precise\":0.12345678901234567890123,\"neg\":-42}");

    assertThat(row.getValue("i")).isEqualTo(7);
    assertThat(row.getValue("l")).isEqualTo(9007199254740993L);
    assertThat(row.getValue("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(row.getValue("d")).isEqualTo(1.5);
    assertThat(row.getValue("e")).isEqualTo(-2500.0);
    assertThat(row.getValue("precise")).isEqualTo(new BigDecimal("0.12345678901234567890123"));
    assertThat(row.getValue("neg")).isEqualTo(-42);
  }

  @Test
  void nestedObjectsAreMapsAndArraysAreMultiValues() {
    GenericRow row = decode("{\"user\":{\"id\":5,\"tags\":[\"a\",\"b\"],\"geo\":{\"lat\":1.25}},"
        + "\"scores\":[1,2,3],\"empty\":[],\"objects\":[{\"k\":1},{\"k\":2}],\"nested\":[[1],[2,3]]}");

    @SuppressWarnings("unchecked")
    Map<String, Object> user = (Map<String, Object>) row.getValue("user");
    assertThat(user.get("id")).isEqualTo(5);
    assertThat((Object[]) user.get("tags")).containsExactly("a", "b");
    assertThat(user.get("geo")).isEqualTo(Map.of("lat", 1.25));
    assertThat((Object[]) row.getValue("scores")).containsExactly(1, 2, 3);
    assertThat((Object[]) row.getValue("empty")).isEmpty();
    assertThat((Object[]) row.getValue("objects")).containsExactly(Map.of("k", 1), Map.of("k", 2));
    Object[] nested = (Object[]) row.getValue("nested");
    assertThat((Object[]) nested[1]).containsExactly(2, 3);
  }

  @Test
  void unicodeAndEscapesAreDecoded() {
    GenericRow row = decode("{\"name\":\"Zoë 日本 \\u00e9\\u0041\",\"emoji\":\"\\ud83d\\ude00 😀\",\"quote\":\"a\\\"b\\\\c\\n\"}");

    assertThat(row.getValue("name")).isEqualTo("Zoë 日本 éA");
    assertThat(row.getValue("emoji")).isEqualTo("😀 😀");
    assertThat(row.getValue("quote")).isEqualTo("a\"b\\c\n");
  }

  @Test
  void nullsAndBooleans() {
    GenericRow row = decode("{\"a\":null,\"t\":true,\"f\":false}");

    assertThat(row.getFieldToValueMap()).containsEntry("a", null).containsEntry("t", true).containsEntry("f", false);
  }

  @Test
  void duplicateKeysKeepTheLastValue() {
    assertThat(decode("{\"a\":1,\"a\":2}").getValue("a")).isEqualTo(2);
  }

  @Test
  void readsOnlyTheFieldsPinotNeedsAndNullsTheMissingOnes() {
    GenericRow row = decoder(Set.of("userId", "duration", "absent")).decode(("{\"userId\":\"u\",\"big\":{\"deep\":"
        + "[1,{\"x\":[2,3]}],\"more\":\"skip me\"},\"duration\":10}").getBytes(StandardCharsets.UTF_8),
        new GenericRow());

    assertThat(row.getFieldToValueMap()).containsOnlyKeys("userId", "duration", "absent");
    assertThat(row.getValue("userId")).isEqualTo("u");
    assertThat(row.getValue("duration")).isEqualTo(10);
    assertThat(row.getValue("absent")).isNull();
  }

  @Test
  void honoursOffsetAndLengthOfALargerBuffer() {
    byte[] buffer = "garbage{\"id\":42}trailing".getBytes(StandardCharsets.UTF_8);

    GenericRow row = decoder(Set.of()).decode(buffer, 7, 9, new GenericRow());

    assertThat(row.getFieldToValueMap()).containsExactly(Map.entry("id", 42));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "not json", "{\"a\":1", "{\"a\":}", "[1,2]", "42", "\"text\"", "null",
      "{\"a\":1} {\"b\":2}", "{\"a\":tru}", "{a:1}"})
  void malformedPayloadsReturnNull(String payload) {
    assertThat(decoder(Set.of()).decode(payload.getBytes(StandardCharsets.UTF_8), new GenericRow())).isNull();
  }

  @Test
  void malformedPayloadsAreLoggedOncePerThousand() {
    IggyJsonMessageDecoder decoder = decoder(Set.of());
    byte[] bad = ("{\"broken\": " + "x".repeat(200)).getBytes(StandardCharsets.UTF_8);
    try (CapturedLog log = new CapturedLog(IggyJsonMessageDecoder.class)) {
      for (int i = 0; i < 2500; i++) {
        assertThat(decoder.decode(bad, new GenericRow())).isNull();
      }

      assertThat(decoder.malformedCount()).isEqualTo(2500);
      assertThat(log.lines()).hasSize(3);
      assertThat(log.lines().get(0)).contains("topic user-events").contains("1 payloads dropped so far");
      assertThat(log.lines().get(2)).contains("2001 payloads dropped so far");
      assertThat(log.lines().get(0)).doesNotContain("x".repeat(100));
    }
  }

  @Test
  void aGoodPayloadAfterABadOneDecodes() {
    IggyJsonMessageDecoder decoder = decoder(Set.of());
    assertThat(decoder.decode("{oops".getBytes(StandardCharsets.UTF_8), new GenericRow())).isNull();

    assertThat(decoder.decode("{\"ok\":1}".getBytes(StandardCharsets.UTF_8), new GenericRow()).getValue("ok"))
        .isEqualTo(1);
  }

  @Test
  void aReusedBufferDoesNotChangeEarlierRowsOrLaterNames() {
    IggyJsonMessageDecoder decoder = decoder(Set.of("userId", "userIx"));
    byte[] buffer = "{\"userId\":\"first\"}".getBytes(StandardCharsets.UTF_8);
    GenericRow first = decoder.decode(buffer, new GenericRow());

    byte[] second = "{\"userIx\":\"other\"}".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(second, 0, buffer, 0, second.length);
    GenericRow again = decoder.decode(buffer, new GenericRow());

    assertThat(first.getFieldToValueMap()).containsOnly(Map.entry("userId", "first"), entry("userIx", null));
    assertThat(again.getFieldToValueMap()).containsOnly(entry("userId", null), Map.entry("userIx", "other"));
  }

  @Test
  void plainAndUnusualPayloadsInTurnDecodeAlike() {
    IggyJsonMessageDecoder decoder = decoder(Set.of("a", "b"));
    String[] payloads = {"{\"a\":1,\"b\":\"x\"}", "{\"b\":\"y\\n\",\"a\":2}", "{\"b\":\"z\"}", "{oops",
        "{\"a\":3,\"b\":\"w\"}"};
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int round = 0; round < 50; round++) {
      for (String payload : payloads) {
        GenericRow row = decoder.decode(payload.getBytes(StandardCharsets.UTF_8), new GenericRow());
        rows.add(row == null ? null : row.getFieldToValueMap());
      }
    }

    for (int i = 0; i < rows.size(); i += payloads.length) {
      assertThat(rows.get(i)).containsOnly(Map.entry("a", 1), Map.entry("b", "x"));
      assertThat(rows.get(i + 1)).containsOnly(Map.entry("a", 2), Map.entry("b", "y\n"));
      assertThat(rows.get(i + 2)).containsOnly(entry("a", null), Map.entry("b", "z"));
      assertThat(rows.get(i + 3)).isNull();
      assertThat(rows.get(i + 4)).containsOnly(Map.entry("a", 3), Map.entry("b", "w"));
    }
    assertThat(decoder.malformedCount()).isEqualTo(50);
  }

  @Test
  void twoDecodersAtOnceEachReadTheirOwnFields() throws Exception {
    IggyJsonMessageDecoder ofUsers = decoder(Set.of("userId", "count"));
    IggyJsonMessageDecoder ofAll = decoder(Set.of());

    List<String> failures = runAtOnce(List.of(() -> decodeMany(ofUsers, false), () -> decodeMany(ofAll, true)));

    assertThat(failures).containsExactly("", "");
  }

  @Test
  void oneDecoderUsedFromTwoThreadsAtOnceStillDecodesEveryPayload() throws Exception {
    IggyJsonMessageDecoder shared = decoder(Set.of("userId", "count"));

    List<String> failures = runAtOnce(List.of(() -> decodeMany(shared, false), () -> decodeMany(shared, false)));

    assertThat(failures).containsExactly("", "");
  }

  /** Runs the tasks on their own threads, started together; each returns its failures. */
  private static List<String> runAtOnce(List<Callable<String>> tasks) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
    CyclicBarrier start = new CyclicBarrier(tasks.size());
    try {
      List<Future<String>> results = new ArrayList<>();
      for (Callable<String> task : tasks) {
        results.add(threads.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      List<String> failures = new ArrayList<>();
      for (Future<String> result : results) {
        failures.add(result.get());
      }
      return failures;
    } finally {
      threads.shutdownNow();
    }
  }

  /** Decodes payloads of two layouts and an unusual one in turn; returns the first wrong row, or "" when none is. */
  private static String decodeMany(IggyJsonMessageDecoder decoder, boolean all) {
    for (int i = 0; i < 20_000; i++) {
      String user = "user" + i;
      String json = switch (i % 3) {
        case 0 -> "{\"userId\":\"" + user + "\",\"count\":" + i + ",\"other\":true}";
        case 1 -> "{\"other\":true,\"count\":" + i + ",\"userId\":\"" + user + "\"}";
        default -> "{\"count\":" + i + ",\"userId\":\"" + user + "\",\"other\":\"\\t\"}";
      };
      GenericRow row = decoder.decode(json.getBytes(StandardCharsets.UTF_8), new GenericRow());
      Map<String, Object> expected = all
          ? Map.of("userId", user, "count", i, "other", i % 3 == 2 ? "\t" : true)
          : Map.of("userId", user, "count", i);
      if (row == null || !row.getFieldToValueMap().equals(expected)) {
        return json + " gave " + (row == null ? null : row.getFieldToValueMap());
      }
    }
    return "";
  }
}
