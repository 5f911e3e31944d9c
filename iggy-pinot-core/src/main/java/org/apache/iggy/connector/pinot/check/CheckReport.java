package org.apache.iggy.connector.pinot.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The findings of one check run: what concerns the whole table (reading it, its schema) and a {@link StreamReport}
 * per stream config; {@link #ok()} says whether the table would ingest.
 */
public final class CheckReport {
  private String _table;
  private final List<String> _configProblems = new ArrayList<>();
  private final List<String> _warnings = new ArrayList<>();
  private final List<StreamReport> _streams = new ArrayList<>();

  void table(String tableNameWithType) {
    _table = tableNameWithType;
  }

  void configProblem(String problem) {
    _configProblems.add(problem);
  }

  void warning(String warning) {
    _warnings.add(warning);
  }

  /** Adds the report of the next stream config. */
  StreamReport addStream() {
    StreamReport stream = new StreamReport(_streams.size());
    _streams.add(stream);
    return stream;
  }

  public String table() {
    return _table;
  }

  /** Problems of the table config as a whole and of its schema; each stream config's own are in its report. */
  public List<String> configProblems() {
    return _configProblems;
  }

  public List<String> warnings() {
    return _warnings;
  }

  /** One report per stream config, in the table's order; empty when the table config could not be read. */
  public List<StreamReport> streams() {
    return _streams;
  }

  /** Whether Pinot would ingest this table: valid config and every stream config's topic reachable and decodable. */
  public boolean ok() {
    return _configProblems.isEmpty() && !_streams.isEmpty() && _streams.stream().allMatch(StreamReport::ok);
  }
}
