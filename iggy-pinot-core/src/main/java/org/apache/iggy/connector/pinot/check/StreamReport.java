package org.apache.iggy.connector.pinot.check;

import java.util.ArrayList;
import java.util.List;
import org.apache.iggy.connector.pinot.client.FailureKind;
import org.apache.iggy.connector.pinot.metadata.PartitionIdMapping;

/**
 * The findings for one stream config of the table (one entry of {@code streamConfigMaps}, or the table's only
 * {@code streamConfigs}), filled step by step.
 */
public final class StreamReport {
  /**
   * The connection attempt.
   *
   * @param kind null when it succeeded
   */
  public record Connection(String address, String principal, boolean tls, FailureKind kind, String message) {
    public boolean ok() {
      return kind == null;
    }
  }

  private final int _index;
  private final List<String> _configProblems = new ArrayList<>();
  private final List<String> _warnings = new ArrayList<>();
  private Connection _connection;
  private String _stream;
  private String _topic;
  private String _offsetCriteria;
  private String _topicProblem;
  private final List<PartitionReport> _partitions = new ArrayList<>();
  private String _decoder;
  private String _schema;
  private int _sampleSize;

  StreamReport(int index) {
    _index = index;
  }

  void configProblem(String problem) {
    _configProblems.add(problem);
  }

  void warning(String warning) {
    _warnings.add(warning);
  }

  void connection(Connection connection) {
    _connection = connection;
  }

  void topic(String stream, String topic, String offsetCriteria) {
    _stream = stream;
    _topic = topic;
    _offsetCriteria = offsetCriteria;
  }

  void topicProblem(String problem) {
    _topicProblem = problem;
  }

  void partition(PartitionReport partition) {
    _partitions.add(partition);
  }

  void sampling(String decoderClass, String schemaName, int sampleSize) {
    _decoder = decoderClass;
    _schema = schemaName;
    _sampleSize = sampleSize;
  }

  /** The position of this stream config in the table's {@code streamConfigMaps}. */
  public int index() {
    return _index;
  }

  /** Pinot's partition group id of this stream config's partition 0 (stream config i starts at i * 10000). */
  public int firstPartitionGroup() {
    return PartitionIdMapping.toPinotPartitionGroup(_index, 0);
  }

  public List<String> configProblems() {
    return _configProblems;
  }

  public List<String> warnings() {
    return _warnings;
  }

  /** Null when the stream config was too broken to try. */
  public Connection connection() {
    return _connection;
  }

  public String stream() {
    return _stream;
  }

  public String topic() {
    return _topic;
  }

  public String offsetCriteria() {
    return _offsetCriteria;
  }

  /** Why the stream or topic could not be read, or null. */
  public String topicProblem() {
    return _topicProblem;
  }

  public List<PartitionReport> partitions() {
    return _partitions;
  }

  public String decoder() {
    return _decoder;
  }

  /** The schema name, or null when no schema was given. */
  public String schema() {
    return _schema;
  }

  public int sampleSize() {
    return _sampleSize;
  }

  /** Whether Pinot would ingest this stream: valid config, reachable topic, every sampled message decodable. */
  public boolean ok() {
    return _configProblems.isEmpty() && _connection != null && _connection.ok() && _topicProblem == null
        && _partitions.stream().allMatch(p -> p.sample() == null || p.sample().ok());
  }
}
