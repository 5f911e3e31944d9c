package org.apache.iggy.connector.pinot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iggy.connector.pinot.harness.EmbeddedController;
import org.apache.iggy.connector.pinot.harness.EventsTable;
import org.apache.iggy.connector.pinot.harness.MiniServer;
import org.apache.iggy.connector.pinot.harness.SqlRunner;
import org.apache.iggy.connector.pinot.it.CapturedLogs;
import org.apache.iggy.connector.pinot.it.IggyEndpoint;
import org.apache.iggy.connector.pinot.testserver.IggyTestServer;
import org.apache.logging.log4j.Level;
import org.apache.pinot.spi.data.DimensionFieldSpec;
import org.apache.pinot.spi.data.FieldSpec;
import org.apache.pinot.spi.data.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos soak: Pinot's real controller and the minimal server ingest 8 Iggy partitions while faults are injected
 * through the test server's hooks, spread over the run; at the end Pinot's rows are compared with what was produced
 * and what Iggy holds. {@code -Dchaos.events} sets the number of events (default 100,000).
 */
class ChaosSoakTest {
  private static final String TOPIC = "chaos-events";
  private static final int PARTITIONS = 8;
  private static final int TAIL = 400;
  private static final String SERVER = "Server_localhost_18099";
  private static final String DATA_LOSS = "Message loss detected in stream partition: ";

  /** What is injected after each round of production, in order. */
  private enum Fault {
    NONE, DROP_CONNECTIONS, GRACEFUL_RESTART, UNCLEAN_RESTART, MALFORMED_HEADERS, POLL_STALL, PINOT_RESTART,
    RETENTION_GAP, PURGE
  }

  private static final List<Fault> SCHEDULE = List.of(Fault.NONE, Fault.DROP_CONNECTIONS, Fault.GRACEFUL_RESTART,
      Fault.UNCLEAN_RESTART, Fault.MALFORMED_HEADERS, Fault.DROP_CONNECTIONS, Fault.POLL_STALL, Fault.PINOT_RESTART,
      Fault.GRACEFUL_RESTART, Fault.DROP_CONNECTIONS, Fault.UNCLEAN_RESTART, Fault.RETENTION_GAP,
      Fault.DROP_CONNECTIONS, Fault.POLL_STALL, Fault.PURGE, Fault.GRACEFUL_RESTART, Fault.DROP_CONNECTIONS,
      Fault.UNCLEAN_RESTART, Fault.NONE, Fault.NONE);

  @TempDir
  Path _work;

  private final ProducedLedger _ledger = new ProducedLedger();
  private IggyTestServer _iggy;
  private ChaosIggy _events;
  private String _stream;
  private MiniServer _server;
  private int _stalls;

  @Test
  void pinotHoldsEveryEventOnceThroughFaultsAndReportsWhatIggyLost() throws Exception {
    long events = Long.getLong("chaos.events", 100_000);
    long started = System.nanoTime();
    try (IggyTestServer iggy = IggyTestServer.start();
        EmbeddedController controller = new EmbeddedController(_work.resolve("controller"), false);
        SqlRunner sql = new SqlRunner();
        CapturedLogs logs = new CapturedLogs(Map.of("org.apache.pinot.core.data.manager.realtime", Level.ERROR))) {
      _iggy = iggy;
      _stream = "chaos";
      _events = new ChaosIggy(iggy, _stream, TOPIC, _ledger);
      _events.createTopic(PARTITIONS);
      try {
        soak(events, controller, sql, logs, started);
      } finally {
        _events.close();
      }
    }
  }

  private void soak(long events, EmbeddedController controller, SqlRunner sql, CapturedLogs logs, long started)
      throws Exception {
    int perRound = (int) Math.max(100, events / PARTITIONS / SCHEDULE.size() - 3 * TAIL / SCHEDULE.size());
    assertThat(controller.postJson("/schemas", schema().toSingleLineJsonString()).statusCode()).isEqualTo(200);
    File serverDir = _work.resolve("server").toFile();
    _server = new MiniServer(EmbeddedController.CLUSTER, controller.zkUrl(), SERVER, serverDir);
    try {
      HttpResponse<String> table = controller.postJson("/tables", EventsTable.tableConfig(
          streamConfig(events)).toJsonString());
      assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
      double maxRecovery = 0;
      int faults = 0;
      for (Fault fault : SCHEDULE) {
        long faultAt = System.nanoTime();
        inject(fault, controller, serverDir);
        // A read first replaces the producer's client when the fault broke its connection.
        _events.nextOffset(0);
        faults += fault == Fault.NONE ? 0 : fault == Fault.MALFORMED_HEADERS ? PARTITIONS : 1;
        _events.produce(PARTITIONS, perRound);
        awaitCaughtUp(fault);
        maxRecovery = Math.max(maxRecovery, (System.nanoTime() - faultAt) / 1e9);
      }
      LoopChecks.await("10 committed segments per partition", Duration.ofSeconds(60),
          () -> LoopChecks.committed(controller).values().stream().filter(done -> done >= 10).count()
              == PARTITIONS, () -> LoopChecks.committed(controller));
      assertThat(_server.errors()).isEmpty();
      ChaosAudit audit = audit(sql);
      System.out.printf("chaos: rows %,d, faults %d, duplicates %d, lost %d (+ %,d lost by Iggy, reported), "
          + "misplaced %d, max recovery %.1f s, test time %.0f s%n", audit._rows, faults, audit._duplicates,
          audit._lost, audit._lostByIggy, audit._misplaced, maxRecovery, (System.nanoTime() - started) / 1e9);
      assertThat(audit._duplicates).as("duplicates").isZero();
      assertThat(audit._misplaced).as("misplaced").isZero();
      assertThat(audit._lost).as("lost by the connector").isZero();
      for (int partition : audit._partitionsLostByIggy) {
        assertThat(logs.lines()).as("Pinot reported the loss of partition %s", partition)
            .anySatisfy(line -> assertThat(line).contains(DATA_LOSS + partition + " "));
      }
    } finally {
      _server.close();
    }
  }

  private void inject(Fault fault, EmbeddedController controller, File serverDir) throws Exception {
    switch (fault) {
      case DROP_CONNECTIONS -> _iggy.dropConnections();
      case GRACEFUL_RESTART -> _iggy.restart();
      case UNCLEAN_RESTART -> uncleanRestart();
      case MALFORMED_HEADERS -> _events.produceMalformedHeaders(PARTITIONS);
      case POLL_STALL -> pollStall(1 + 5 * _stalls++);
      case PINOT_RESTART -> {
        _server.close();
        _server = new MiniServer(EmbeddedController.CLUSTER, controller.zkUrl(), SERVER, serverDir);
      }
      case RETENTION_GAP -> retentionGap(3);
      case PURGE -> _iggy.purgeTopic(_stream, TOPIC);
      default -> {
      }
    }
  }

  /**
   * Saves what Iggy holds, produces a tail that stays unsaved (below Iggy's save threshold of 1,024 messages), waits
   * until Pinot has read part of it, so that a reader saw it, then kills Iggy: the tail is lost.
   */
  private void uncleanRestart() throws InterruptedException {
    _iggy.saveNow();
    Map<Integer, Long> saved = nextOffsets();
    _events.produce(PARTITIONS, TAIL);
    LoopChecks.await("Pinot read part of the unsaved tail", Duration.ofSeconds(30), () -> {
      for (int partition = 0; partition < PARTITIONS; partition++) {
        if (PinotProgress.offset(_server, partition) <= saved.get(partition)) {
          return false;
        }
      }
      return true;
    }, this::progress);
    for (int partition = 0; partition < PARTITIONS; partition++) {
      assertThat(_iggy.unsavedMessages(_stream, TOPIC, partition)).as("unsaved in partition %s", partition)
          .isPositive();
    }
    _iggy.restartUnclean();
  }

  /**
   * Stalls the polls of one partition longer than the request timeout (1,500 ms), until two stalled answers went out.
   * Kept under 6 fetch timeouts: Pinot stops consuming a partition after more than 5 transient errors in a row.
   */
  private void pollStall(int partition) throws InterruptedException {
    long answered = _iggy.pollsAnswered(_stream, TOPIC, partition);
    _iggy.faults().stallPolls(_stream, TOPIC, partition, 1700);
    _events.produceTo(partition, 100);
    LoopChecks.await("two stalled poll answers", Duration.ofSeconds(30),
        () -> _iggy.pollsAnswered(_stream, TOPIC, partition) >= answered + 2, this::progress);
    _iggy.faults().stallPolls(_stream, TOPIC, partition, 0);
  }

  /** Holds the polls of one partition, produces to it and deletes the first 150 new messages before Pinot read them. */
  private void retentionGap(int partition) {
    long from = _events.nextOffset(partition);
    _iggy.faults().stallPollsForever(_stream, TOPIC, partition);
    _events.produceTo(partition, 300);
    _iggy.deleteBelow(_stream, TOPIC, partition, from + 150);
    _iggy.faults().stallPolls(_stream, TOPIC, partition, 0);
  }

  private void awaitCaughtUp(Fault after) throws InterruptedException {
    LoopChecks.await("Pinot caught up after " + after, Duration.ofSeconds(90), () -> {
      assertThat(_server.errors()).isEmpty();
      Map<Integer, Long> iggy = nextOffsets();
      for (int partition = 0; partition < PARTITIONS; partition++) {
        if (PinotProgress.offset(_server, partition) != iggy.get(partition)) {
          return false;
        }
      }
      return true;
    }, this::progress);
  }

  private Map<Integer, Long> nextOffsets() {
    Map<Integer, Long> next = new TreeMap<>();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      next.put(partition, _events.nextOffset(partition));
    }
    return next;
  }

  private Object progress() {
    Map<Integer, String> state = new TreeMap<>();
    Map<Integer, Long> iggy = nextOffsets();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      state.put(partition, "pinot " + PinotProgress.offset(_server, partition) + " / iggy " + iggy.get(partition));
    }
    return state;
  }

  private ChaosAudit audit(SqlRunner sql) throws Exception {
    List<Object[]> rows = LoopChecks.query(sql, _server, "SELECT \"__metadata$partition\", \"__metadata$offset\", "
        + "seq FROM events LIMIT 100000000");
    Map<Integer, List<long[]>> held = new TreeMap<>();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      held.put(partition, _events.held(partition));
    }
    return ChaosAudit.of(_ledger, new ArrayList<>(rows), held);
  }

  private Map<String, String> streamConfig(long events) {
    Map<String, String> config = new IggyEndpoint(_iggy.host(), _iggy.port(), "iggy", "iggy")
        .streamConfig(_stream, TOPIC);
    config.put("realtime.segment.flush.threshold.segment.rows", Long.toString(Math.max(100,
        events / PARTITIONS / 12)));
    config.put("realtime.segment.flush.threshold.time", "1h");
    config.put("stream.iggy.metadata.populate", "true");
    config.put("stream.iggy.request.timeout.millis", "1500");
    config.put("stream.iggy.fetch.timeout.millis", "500");
    config.put("stream.iggy.poll.batch.size", "500");
    return config;
  }

  private static Schema schema() {
    Schema schema = EventsTable.schema();
    schema.addField(new DimensionFieldSpec("__metadata$partition", FieldSpec.DataType.INT, true));
    schema.addField(new DimensionFieldSpec("__metadata$offset", FieldSpec.DataType.LONG, true));
    return schema;
  }
}
