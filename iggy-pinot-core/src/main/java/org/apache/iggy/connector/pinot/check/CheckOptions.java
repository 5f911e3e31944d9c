package org.apache.iggy.connector.pinot.check;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check tool's command line.
 *
 * @param tableConfig the REALTIME table config JSON to check
 * @param schema the table's schema JSON, or null to check decoding without a schema
 * @param sample messages to sample and decode per partition
 * @param json whether to print the report as JSON
 */
public record CheckOptions(Path tableConfig, Path schema, int sample, boolean json) {
  public static final String USAGE = "usage: check --table-config TABLE.json [--schema SCHEMA.json] [--sample N] "
      + "[--json]";
  private static final int DEFAULT_SAMPLE = 10;

  /** Parses the arguments; an {@link IllegalArgumentException} says what is wrong with them. */
  public static CheckOptions parse(String... args) {
    Path tableConfig = null;
    Path schema = null;
    int sample = DEFAULT_SAMPLE;
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if ("--json".equals(option)) {
        json = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value"
            : "unexpected argument '" + option + "'");
      }
      String value = args[++i];
      switch (option) {
        case "--table-config":
          tableConfig = readable(option, value);
          break;
        case "--schema":
          schema = readable(option, value);
          break;
        case "--sample":
          sample = sampleSize(value);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (tableConfig == null) {
      throw new IllegalArgumentException("--table-config is required");
    }
    return new CheckOptions(tableConfig, schema, sample, json);
  }

  private static Path readable(String option, String value) {
    Path path = Path.of(value);
    if (!Files.isReadable(path) || Files.isDirectory(path)) {
      throw new IllegalArgumentException(option + ": cannot read file " + path);
    }
    return path;
  }

  private static int sampleSize(String value) {
    int sample;
    try {
      sample = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      sample = -1;
    }
    if (sample < 0 || sample > 10_000) {
      throw new IllegalArgumentException("--sample takes a number of messages from 0 to 10000, not '" + value + "'");
    }
    return sample;
  }
}
