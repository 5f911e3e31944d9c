package org.apache.iggy.connector.pinot.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.iggy.connector.pinot.harness.EmbeddedController;
import org.apache.iggy.connector.pinot.harness.MiniServer;
import org.apache.iggy.connector.pinot.harness.ReadmeExamples;
import org.apache.iggy.connector.pinot.harness.SqlRunner;
import org.apache.pinot.common.response.broker.BrokerResponseNative;
import org.apache.pinot.common.response.broker.ResultTable;
import org.apache.pinot.segment.local.data.manager.SegmentDataManager;
import org.apache.pinot.segment.local.data.manager.TableDataManager;
import org.apache.pinot.segment.spi.IndexSegment;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.data.Schema;
import org.apache.pinot.spi.plugin.PluginManager;
import org.apache.pinot.spi.utils.JsonUtils;

/**
 * The whole pipeline on one machine: Iggy (embedded test server or a real one), Pinot's real controller and a
 * minimal server built from pinot-core, the connector loaded by Pinot's PluginManager from the unpacked plugin
 * archive, the README's schema and table config, sample events produced at a steady rate, live progress, and SQL
 * over the ingested segments at the end.
 */
public final class Demo {
  static final String TOPIC = "user-events";
  static final int PARTITIONS = 4;
  static final String PLUGIN = "pinot-iggy";
  private static final String FACTORY = "org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory";
  private static final String TABLE = "events_REALTIME";
  private static final String SERVER = "Server_localhost_8098";
  private static final long CATCH_UP_SECONDS = 60;

  static final String EVENTS_BY_TYPE = "SELECT eventType, COUNT(*) AS events FROM events GROUP BY eventType "
      + "ORDER BY COUNT(*) DESC, eventType LIMIT 10";
  static final String DURATION_BY_DEVICE = "SELECT deviceId, AVG(duration) AS avg_duration_ms, COUNT(*) AS events "
      + "FROM events GROUP BY deviceId ORDER BY deviceId LIMIT 10";
  static final String LATEST_EVENTS = "SELECT ToDateTime(\"timestamp\", 'HH:mm:ss.SSS') AS produced_at, userId, "
      + "eventType, deviceId, duration FROM events ORDER BY \"timestamp\" DESC, userId LIMIT 5";

  private final DemoOptions _options;
  private final PrintStream _out;
  private final ProgressPrinter _progress;
  private volatile boolean _stopRequested;

  public Demo(DemoOptions options, PrintStream out, boolean interactive) {
    _options = options;
    _out = out;
    _progress = new ProgressPrinter(out, interactive);
  }

  /** Ends the production phase early (Ctrl-C); the demo still catches up, queries and shuts down. */
  public void requestStop() {
    _stopRequested = true;
  }

  public boolean stopRequested() {
    return _stopRequested;
  }

  /** Runs the demo and returns what was produced and what Pinot answered; throws on any failure. */
  public DemoResult run() throws Exception {
    System.setProperty("plugins.dir", _options.pluginsDir().toAbsolutePath().toString());
    Path work = Files.createTempDirectory("iggy-pinot-demo-");
    try (DemoIggy iggy = DemoIggy.start(_options)) {
      _out.println("Iggy:   " + iggy.describe());
      iggy.createTopic(_options.stream(), TOPIC, PARTITIONS);
      _out.println("        stream '" + _options.stream() + "', topic '" + TOPIC + "' with " + PARTITIONS
          + " partitions");
      return runPinot(iggy, work);
    } finally {
      deleteRecursively(work);
    }
  }

  private DemoResult runPinot(DemoIggy iggy, Path work) throws Exception {
    try (EmbeddedController controller = new EmbeddedController(work.resolve("controller"), false);
        MiniServer server = new MiniServer(EmbeddedController.CLUSTER, controller.zkUrl(), SERVER,
            work.resolve("server").toFile());
        SqlRunner sql = new SqlRunner()) {
      _out.println("Pinot:  controller UI at http://localhost:" + controller.port() + " (while the demo runs)");
      Class<?> factory = PluginManager.get().loadClass(PLUGIN + ":" + FACTORY);
      _out.println("        connector loaded by Pinot's PluginManager from "
          + Path.of(factory.getProtectionDomain().getCodeSource().getLocation().toURI()));
      createTable(controller, iggy);
      try (EventProducer producer = new EventProducer(iggy.admin(), _options.stream(), TOPIC, PARTITIONS,
          _options.eventsPerSecond())) {
        IngestionProgress progress = new IngestionProgress(controller, server, TABLE, PARTITIONS);
        produce(producer, progress, server);
        producer.close();
        catchUp(producer.produced(), progress, server);
        return query(sql, server, producer.produced());
      }
    }
  }

  private void createTable(EmbeddedController controller, DemoIggy iggy) throws Exception {
    Schema schema = Schema.fromString(ReadmeExamples.jsonBlock(ReadmeExamples.SCHEMA));
    expectOk(controller.postJson("/schemas", schema.toSingleLineJsonString()), "creating the schema");
    TableConfig table = JsonUtils.stringToObject(ReadmeExamples.jsonBlock(ReadmeExamples.TABLE_CONFIG),
        TableConfig.class);
    Map<String, String> stream = table.getIndexingConfig().getStreamConfigs();
    long flushRows = Math.max(200, 5L * _options.eventsPerSecond());
    stream.put("stream.iggy.host", iggy.host());
    stream.put("stream.iggy.port", Integer.toString(iggy.port()));
    stream.put("stream.iggy.username", _options.username());
    stream.put("stream.iggy.password", _options.password());
    stream.put("stream.iggy.stream.id", _options.stream());
    stream.put("stream.iggy.topic.name", TOPIC);
    stream.put("stream.iggy.consumer.factory.class.name", PLUGIN + ":" + FACTORY);
    stream.put("stream.iggy.decoder.class.name", PLUGIN + ":" + stream.get("stream.iggy.decoder.class.name"));
    stream.put("realtime.segment.flush.threshold.rows", Long.toString(flushRows));
    expectOk(controller.postJson("/tables", table.toJsonString()), "creating the table");
    _out.println("Table:  schema and table config from README.md; this run sets host, port and stream, "
        + "flush.threshold.rows=" + flushRows + " (Pinot splits it over the " + PARTITIONS + " partitions: a segment "
        + "per partition about every 5 s) and the plugin-realm class names (" + PLUGIN + ":...)");
  }

  private void produce(EventProducer producer, IngestionProgress progress, MiniServer server)
      throws InterruptedException {
    _out.println("Producing " + _options.eventsPerSecond() + " events/s for " + _options.duration().toSeconds()
        + " s (Ctrl-C ends early)");
    long end = System.nanoTime() + _options.duration().toNanos();
    producer.start();
    while (!_stopRequested && System.nanoTime() < end) {
      TimeUnit.MILLISECONDS.sleep(500);
      failOnErrors(producer, server);
      _progress.update(progress.take(producer.produced()),
          TimeUnit.NANOSECONDS.toSeconds(Math.max(0, end - System.nanoTime())));
    }
  }

  private void catchUp(ProducedEvents produced, IngestionProgress progress, MiniServer server)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CATCH_UP_SECONDS);
    IngestionProgress.Snapshot snapshot = progress.take(produced);
    while (snapshot.ingested() < snapshot.produced() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(250);
      failOnErrors(null, server);
      snapshot = progress.take(produced);
      _progress.update(snapshot, 0);
    }
    _progress.finish(snapshot);
    if (snapshot.ingested() != snapshot.produced()) {
      throw new IllegalStateException("Pinot holds " + snapshot.ingested() + " rows but " + snapshot.produced()
          + " events were produced (waited " + CATCH_UP_SECONDS + " s)");
    }
  }

  private static void failOnErrors(EventProducer producer, MiniServer server) {
    if (producer != null && producer.failure() != null) {
      throw new IllegalStateException("producing to Iggy failed: " + producer.failure().getMessage(),
          producer.failure());
    }
    if (!server.errors().isEmpty()) {
      Throwable error = server.errors().get(0);
      throw new IllegalStateException("the Pinot server failed: " + error.getMessage(), error);
    }
  }

  private DemoResult query(SqlRunner sql, MiniServer server, ProducedEvents produced) throws Exception {
    TableDataManager table = server.table(TABLE);
    List<SegmentDataManager> acquired = table.acquireAllSegments();
    try {
      List<IndexSegment> segments = new ArrayList<>();
      acquired.forEach(manager -> segments.add(manager.getSegment()));
      long total = ((Number) run(sql, "SELECT COUNT(*) FROM events", segments).getRows().get(0)[0]).longValue();
      _out.println();
      _out.println("Pinot holds " + total + " rows in " + segments.size() + " segments for the " + produced.total()
          + " events produced.");
      ResultTable byType = print(sql, "Events by type", EVENTS_BY_TYPE, segments);
      ResultTable byDevice = print(sql, "Average duration by device", DURATION_BY_DEVICE, segments);
      ResultTable latest = print(sql, "Latest events", LATEST_EVENTS, segments);
      return new DemoResult(produced, total, byType.getRows(), byDevice.getRows(), latest.getRows());
    } finally {
      acquired.forEach(table::releaseSegment);
    }
  }

  private ResultTable print(SqlRunner sql, String title, String query, List<IndexSegment> segments)
      throws Exception {
    ResultTable result = run(sql, query, segments);
    _out.println();
    _out.println(title + ":  " + query);
    _out.print(TextTable.render(
        Arrays.asList(result.getDataSchema().getColumnNames()), result.getRows()));
    return result;
  }

  private static ResultTable run(SqlRunner sql, String query, List<IndexSegment> segments) throws Exception {
    BrokerResponseNative response = sql.query(query, segments);
    if (!response.getExceptions().isEmpty()) {
      throw new IllegalStateException("query failed: " + query + ": " + response.getExceptions());
    }
    return response.getResultTable();
  }

  private static void expectOk(HttpResponse<String> response, String what) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(what + " failed with HTTP " + response.statusCode() + ": " + response.body());
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the demo's work folder " + root, e);
    }
  }
}
