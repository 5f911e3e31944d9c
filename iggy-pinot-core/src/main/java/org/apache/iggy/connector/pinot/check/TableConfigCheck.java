package org.apache.iggy.connector.pinot.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iggy.connector.pinot.config.IggyConfigKeys;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.config.table.TableType;
import org.apache.pinot.spi.data.Schema;
import org.apache.pinot.spi.plugin.PluginManager;
import org.apache.pinot.spi.stream.StreamConfig;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMessageDecoder;
import org.apache.pinot.spi.utils.IngestionConfigUtils;
import org.apache.pinot.spi.utils.JsonUtils;

/**
 * Reads a table config (and schema) as Pinot does and validates its stream config with Pinot's {@link StreamConfig}
 * and the connector's own rules, recording every problem with its key: the table's in the {@link CheckReport}, each
 * stream config's in its {@link StreamReport}.
 */
final class TableConfigCheck {
  private static final String FACTORY_KEY = IggyConfigKeys.key("consumer.factory.class.name");
  private static final String DECODER_KEY = IggyConfigKeys.key("decoder.class.name");

  /**
   * What the later steps need for one stream config.
   *
   * @param report where this stream config's findings go
   * @param iggy null when the Iggy keys are invalid (nothing to connect to)
   * @param decoderLoadable whether the decoder class loads, so messages can be decoded
   * @param schema null when no schema was given or it is invalid
   */
  record Setup(StreamReport report, StreamConfig streamConfig, IggyStreamConfig iggy, boolean decoderLoadable,
      Schema schema) {
  }

  private TableConfigCheck() {
  }

  /**
   * One setup per stream config of the table, in Pinot's order (so stream config i is the one whose partition groups
   * Pinot numbers from i * 10000); empty when the config cannot be read as a REALTIME table with stream configs.
   */
  static List<Setup> inspect(CheckOptions options, CheckReport report) {
    TableConfig table = readTable(options.tableConfig(), report);
    if (table == null) {
      return List.of();
    }
    report.table(table.getTableName());
    List<Map<String, String>> streams;
    try {
      streams = IngestionConfigUtils.getStreamConfigMaps(table);
    } catch (RuntimeException e) {
      report.configProblem("the table has no stream config (tableIndexConfig.streamConfigs or "
          + "ingestionConfig.streamIngestionConfig.streamConfigMaps): " + e.getMessage());
      return List.of();
    }
    Schema schema = options.schema() == null ? null : readSchema(options.schema(), table, report);
    List<Setup> setups = new ArrayList<>();
    for (Map<String, String> map : streams) {
      StreamReport stream = report.addStream();
      Setup setup = inspect(table, map, schema, stream);
      if (setup != null) {
        setups.add(setup);
      }
    }
    warnAboutTopicsReadTwice(setups, report);
    return setups;
  }

  private static Setup inspect(TableConfig table, Map<String, String> map, Schema schema, StreamReport report) {
    StreamConfig streamConfig;
    try {
      streamConfig = new StreamConfig(table.getTableName(), map);
    } catch (RuntimeException e) {
      report.configProblem("Pinot rejects the stream config: " + e.getMessage());
      streamConfig = null;
    }
    String streamType = map.get("streamType");
    if (!IggyConfigKeys.STREAM_TYPE.equals(streamType)) {
      report.configProblem("streamType is '" + streamType + "': set it to 'iggy' (the keys are then stream.iggy.*)");
      return null;
    }
    List<String> iggyProblems = IggyStreamConfig.problems(map);
    iggyProblems.forEach(report::configProblem);
    checkClass(map, FACTORY_KEY, StreamConsumerFactory.class, report);
    boolean decoderLoadable = checkClass(map, DECODER_KEY, StreamMessageDecoder.class, report);
    String factory = map.get(FACTORY_KEY);
    if (factory != null && !stripPluginName(factory).equals(IggyConsumerFactory.class.getName())) {
      report.warning(FACTORY_KEY + " is '" + factory + "', not " + IggyConsumerFactory.class.getName()
          + ": the connection checks below use the Iggy connector's own client");
    }
    IggyStreamConfig iggy = iggyProblems.isEmpty() ? IggyStreamConfig.from(map, table.getTableName()) : null;
    return new Setup(report, streamConfig, iggy, decoderLoadable && streamConfig != null, schema);
  }

  /** Two stream configs of one table on the same topic make Pinot ingest each of its messages twice. */
  private static void warnAboutTopicsReadTwice(List<Setup> setups, CheckReport report) {
    Map<String, Integer> firstReader = new HashMap<>();
    for (Setup setup : setups) {
      if (setup.iggy() == null) {
        continue;
      }
      String topic = setup.iggy().connection().address() + " stream " + setup.iggy().stream() + " topic "
          + setup.iggy().topic();
      Integer earlier = firstReader.putIfAbsent(topic, setup.report().index());
      if (earlier != null) {
        report.warning("stream configs #" + earlier + " and #" + setup.report().index() + " both read " + topic
            + ": Pinot would ingest every message of that topic once for each");
      }
    }
  }

  private static TableConfig readTable(Path file, CheckReport report) {
    try {
      TableConfig table = JsonUtils.fileToObject(file.toFile(), TableConfig.class);
      if (table.getTableType() != TableType.REALTIME) {
        report.configProblem("tableType is " + table.getTableType() + ": stream ingestion needs a REALTIME table");
        return null;
      }
      return table;
    } catch (Exception e) {
      report.configProblem("cannot read " + file + " as a Pinot table config: " + firstLine(e.getMessage()));
      return null;
    }
  }

  private static Schema readSchema(Path file, TableConfig table, CheckReport report) {
    Schema schema;
    try {
      schema = Schema.fromFile(file.toFile());
    } catch (Exception e) {
      report.configProblem("cannot read " + file + " as a Pinot schema: " + firstLine(e.getMessage()));
      return null;
    }
    String timeColumn = table.getValidationConfig().getTimeColumnName();
    if (timeColumn != null && schema.getFieldSpecFor(timeColumn) == null) {
      report.configProblem("segmentsConfig.timeColumnName '" + timeColumn + "' is not a field of schema '"
          + schema.getSchemaName() + "'");
    }
    return schema;
  }

  private static boolean checkClass(Map<String, String> map, String key, Class<?> role, StreamReport report) {
    String name = map.get(key);
    if (name == null) {
      return false;
    }
    try {
      Class<?> type = PluginManager.get().loadClass(name);
      if (!role.isAssignableFrom(type)) {
        report.configProblem(key + ": '" + name + "' is not a " + role.getSimpleName());
        return false;
      }
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      report.configProblem(key + ": class '" + name + "' cannot be loaded (is the plugin in Pinot's plugins "
          + "directory or on the class path?)");
      return false;
    }
  }

  private static String stripPluginName(String className) {
    int colon = className.indexOf(':');
    return colon < 0 ? className : className.substring(colon + 1);
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
