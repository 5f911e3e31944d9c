package org.apache.iggy.connector.pinot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.connector.pinot.harness.ConsumingSegment;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.SqlRunner;
import org.apache.iggy.connector.pinot.it.ForkedIggyTarget;
import org.apache.pinot.segment.spi.ImmutableSegment;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamConsumerFactoryProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as Pinot operators deploy it: the plugin archive unpacked under {@code -Dplugins.dir}, in a JVM whose
 * class path is Pinot's own: Pinot's Netty 4.1, neither our modules nor the Iggy SDK or its Netty 4.2 (Iggy runs in a
 * child JVM). Run by Maven once per loading mode ({@code -Dplugin.mode}): {@code realm} names the classes
 * {@code pinot-iggy:<class>} so Pinot's PluginManager loads the plugin directory in its own class realm;
 * {@code classpath} puts the plugin jar on the class path, as Pinot's start scripts do, and uses bare class names.
 */
class PluginLoadingTest {
  private static final String FACTORY = "org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory";
  private static final String DECODER = "org.apache.iggy.connector.pinot.decoder.IggyJsonMessageDecoder";
  private static final String TOPIC = "user-events";

  @TempDir
  Path _work;

  private static boolean realmMode() {
    return "realm".equals(System.getProperty("plugin.mode"));
  }

  private static String className(String name) {
    return realmMode() ? "pinot-iggy:" + name : name;
  }

  @Test
  void theClassPathIsPinotsWithItsNetty41AndWithoutTheIggySdk() throws Exception {
    Class<?> version = Class.forName("io.netty.util.Version");
    Object versions = version.getMethod("identify").invoke(null);
    assertThat(((Map<?, ?>) versions).values()).isNotEmpty().allSatisfy(artifact -> assertThat(artifact.toString())
        .contains("-4.1."));
    assertThatThrownBy(() -> Class.forName("org.apache.iggy.client.blocking.tcp.IggyTcpClient"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("io.netty.channel.MultiThreadIoEventLoopGroup"))
        .as("a Netty 4.2 class").isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theOnlyConnectorClassesAreTheOnesOfThePluginJar() throws Exception {
    if (realmMode()) {
      assertThatThrownBy(() -> Class.forName(FACTORY)).isInstanceOf(ClassNotFoundException.class);
    } else {
      Class<?> factory = Class.forName(FACTORY);
      assertThat(factory.getProtectionDomain().getCodeSource().getLocation().getPath())
          .contains("/pinot-iggy/pinot-iggy-").endsWith("-shaded.jar");
    }
  }

  /** The check tool as on a Pinot host: Pinot's classes on the class path next to the plugin jar. */
  @Test
  void theCheckToolRunsFromThePluginJar() throws Exception {
    Assumptions.assumeFalse(realmMode(), "Pinot hosts run the check tool with the plugin jar on the class path");
    try (ForkedIggyTarget iggy = ForkedIggyTarget.start()) {
      String stream = iggy.createTopic(TOPIC, 2);
      iggy.send(stream, TOPIC, 1, List.of(EventsTable.event(0, System.currentTimeMillis())));
      Map<String, String> config = iggy.streamConfig(stream, TOPIC);
      Path table = Files.writeString(_work.resolve("table.json"), EventsTable.tableConfig(config).toJsonString());
      Path schema = Files.writeString(_work.resolve("schema.json"), EventsTable.schema().toPrettyJsonString());

      Class<?> check = Class.forName("org.apache.iggy.connector.pinot.check.IggyCheck");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Object exitCode = check.getMethod("run", String[].class, PrintStream.class, PrintStream.class).invoke(null,
          new String[] {"--table-config", table.toString(), "--schema", schema.toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

      assertThat(check.getProtectionDomain().getCodeSource().getLocation().getPath()).endsWith("-shaded.jar");
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("RESULT: OK").containsPattern("1 +0 +1 +1 +0 +1/1");
      assertThat(exitCode).isEqualTo(0);
    }
  }

  @Test
  void pinotIngestsThroughThePluginLoadedByItsPluginManager() throws Exception {
    try (ForkedIggyTarget iggy = ForkedIggyTarget.start(); SqlRunner sql = new SqlRunner()) {
      String stream = iggy.createTopic(TOPIC, 1);
      List<String> events = new ArrayList<>();
      for (long seq = 0; seq < 120; seq++) {
        events.add(EventsTable.event(seq, System.currentTimeMillis()));
      }
      iggy.send(stream, TOPIC, 0, events);
      Map<String, String> config = iggy.streamConfig(stream, TOPIC);
      config.put("stream.iggy.consumer.factory.class.name", className(FACTORY));
      config.put("stream.iggy.decoder.class.name", className(DECODER));
      config.put("realtime.segment.flush.threshold.rows", "100");

      StreamConsumerFactory factory = StreamConsumerFactoryProvider.create(new StreamConfig(EventsTable.REALTIME,
          config));
      assertThat(factory.getClass().getName()).isEqualTo(FACTORY);
      if (realmMode()) {
        assertThat(factory.getClass().getClassLoader()).isNotSameAs(ClassLoader.getSystemClassLoader());
      }

      try (ConsumingSegment segment = new ConsumingSegment(EventsTable.tableConfig(config), EventsTable.schema(), 0,
          0, "0", _work.toFile())) {
        segment.start();
        ImmutableSegment committed = segment.awaitCommitted(60, TimeUnit.SECONDS);
        List<Object[]> rows = sql.rows("SELECT COUNT(*), COUNT(DISTINCT seq) FROM events", List.of(committed));
        assertThat(((Number) rows.get(0)[0]).longValue()).isEqualTo(100);
        assertThat(((Number) rows.get(0)[1]).longValue()).isEqualTo(100);
      }
    }
  }
}
