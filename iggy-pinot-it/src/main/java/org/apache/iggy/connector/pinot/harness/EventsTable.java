package org.apache.iggy.connector.pinot.harness;

import java.util.List;
import java.util.Map;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.config.table.TableType;
import org.apache.pinot.spi.config.table.ingestion.IngestionConfig;
import org.apache.pinot.spi.config.table.ingestion.StreamIngestionConfig;
import org.apache.pinot.spi.data.FieldSpec;
import org.apache.pinot.spi.data.Schema;
import org.apache.pinot.spi.utils.builder.TableConfigBuilder;

/** The reference README's {@code events} schema and a REALTIME table over an Iggy stream config. */
public final class EventsTable {
  public static final String NAME = "events";
  public static final String REALTIME = NAME + "_REALTIME";

  private EventsTable() {
  }

  /** userId, eventType, deviceId, duration, count, timestamp, plus a {@code seq} column for exactly-once checks. */
  public static Schema schema() {
    return schema(NAME);
  }

  /** The same schema under another name (Pinot finds a table's schema by the table's name). */
  public static Schema schema(String name) {
    return new Schema.SchemaBuilder().setSchemaName(name)
        .addSingleValueDimension("userId", FieldSpec.DataType.STRING)
        .addSingleValueDimension("eventType", FieldSpec.DataType.STRING)
        .addSingleValueDimension("deviceId", FieldSpec.DataType.STRING)
        .addMetric("duration", FieldSpec.DataType.LONG)
        .addMetric("count", FieldSpec.DataType.INT)
        .addSingleValueDimension("seq", FieldSpec.DataType.LONG)
        .addDateTime("timestamp", FieldSpec.DataType.LONG, "1:MILLISECONDS:EPOCH", "1:MILLISECONDS")
        .build();
  }

  public static TableConfig tableConfig(Map<String, String> streamConfig) {
    return tableConfig(new StreamIngestionConfig(List.of(streamConfig)));
  }

  /** A table over {@code streams}: one stream config, or several for a multi-topic table. */
  public static TableConfig tableConfig(StreamIngestionConfig streams) {
    IngestionConfig ingestion = new IngestionConfig();
    ingestion.setStreamIngestionConfig(streams);
    return new TableConfigBuilder(TableType.REALTIME).setTableName(NAME).setTimeColumnName("timestamp")
        .setNumReplicas(1).setIngestionConfig(ingestion).build();
  }

  /** One event as JSON, its fields derived from {@code seq}. */
  public static String event(long seq, long timestampMillis) {
    String[] types = {"page_view", "click", "purchase", "signup"};
    return "{\"userId\":\"user" + (seq % 17) + "\",\"eventType\":\"" + types[(int) (seq % types.length)]
        + "\",\"deviceId\":\"device" + (seq % 5) + "\",\"duration\":" + (seq % 1000) + ",\"count\":1,\"seq\":" + seq
        + ",\"timestamp\":" + timestampMillis + "}";
  }
}
