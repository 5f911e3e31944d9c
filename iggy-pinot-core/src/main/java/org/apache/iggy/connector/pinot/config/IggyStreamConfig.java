package org.apache.iggy.connector.pinot.config;

import static org.apache.iggy.connector.pinot.config.IggyConfigKeys.key;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pinot.spi.stream.OffsetCriteria;
import org.apache.pinot.spi.stream.StreamConfig;

/**
 * The validated, immutable Iggy part of a table's {@code streamConfigs}. Parsing does no network I/O. Every bad
 * value is reported at once, each naming its key and the allowed values.
 */
public final class IggyStreamConfig {
  private final IggyConnectionSettings _connection;
  private final IggyResourceId _stream;
  private final IggyResourceId _topic;
  private final String _consumerGroup;
  private final int _pollBatchSize;
  private final int _prefetchBatches;
  private final boolean _metadataPopulate;
  private final OffsetCriteria _offsetCriteria;
  private final int _fetchTimeoutMillis;
  private final String _tableNameWithType;

  private IggyStreamConfig(Parser p) {
    _connection = new IggyConnectionSettings(p._host, p._port, p._username, p._password, p._token, p._tls, p._caFile,
        p._serverName, p._poolSize, p._connectTimeoutMillis, p._requestTimeoutMillis);
    _stream = p._stream;
    _topic = p._topic;
    _consumerGroup = p._consumerGroup;
    _pollBatchSize = p._pollBatchSize;
    _prefetchBatches = p._prefetchBatches;
    _metadataPopulate = p._metadataPopulate;
    _offsetCriteria = p._offsetCriteria;
    _fetchTimeoutMillis = p._fetchTimeoutMillis;
    _tableNameWithType = p._tableNameWithType;
  }

  /**
   * Reads the Iggy keys of a Pinot stream config.
   *
   * @throws IllegalArgumentException listing every invalid or missing key
   */
  public static IggyStreamConfig from(StreamConfig streamConfig) {
    return from(streamConfig.getStreamConfigsMap(), streamConfig.getTableNameWithType());
  }

  /**
   * Reads the Iggy keys of a raw {@code streamConfigs} map.
   *
   * @throws IllegalArgumentException listing every invalid or missing key
   */
  public static IggyStreamConfig from(Map<String, String> streamConfigs, String tableNameWithType) {
    Parser parser = new Parser(streamConfigs, tableNameWithType);
    List<String> problems = parser.parse();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid Iggy stream config" + (tableNameWithType != null ? " for table "
          + tableNameWithType : "") + ": " + String.join("; ", problems));
    }
    return new IggyStreamConfig(parser);
  }

  /** Every problem of a raw {@code streamConfigs} map, empty when it is valid. */
  public static List<String> problems(Map<String, String> streamConfigs) {
    return new Parser(streamConfigs, null).parse();
  }

  public IggyConnectionSettings connection() {
    return _connection;
  }

  public IggyResourceId stream() {
    return _stream;
  }

  public IggyResourceId topic() {
    return _topic;
  }

  /** The consumer name under which progress is mirrored to Iggy, or null when mirroring is off. */
  public String consumerGroup() {
    return _consumerGroup;
  }

  public int pollBatchSize() {
    return _pollBatchSize;
  }

  /** Polls a consumer keeps in flight ahead of Pinot after a full batch; 0 reads only what Pinot asks for. */
  public int prefetchBatches() {
    return _prefetchBatches;
  }

  public boolean metadataPopulate() {
    return _metadataPopulate;
  }

  public OffsetCriteria offsetCriteria() {
    return _offsetCriteria;
  }

  public int fetchTimeoutMillis() {
    return _fetchTimeoutMillis;
  }

  public String tableNameWithType() {
    return _tableNameWithType;
  }

  @Override
  public String toString() {
    return "IggyStreamConfig{table=" + _tableNameWithType + ", " + _connection + ", stream=" + _stream + ", topic="
        + _topic + ", consumerGroup=" + _consumerGroup + ", pollBatchSize=" + _pollBatchSize + ", prefetchBatches=" + _prefetchBatches + ", metadataPopulate="
        + _metadataPopulate + ", offsetCriteria=" + _offsetCriteria.getOffsetString() + ", fetchTimeoutMillis="
        + _fetchTimeoutMillis + "}";
  }

  private static final class Parser {
    private final Map<String, String> _map;
    private final List<String> _problems = new ArrayList<>();
    private final String _tableNameWithType;
    private String _host;
    private int _port;
    private String _username;
    private String _password;
    private String _token;
    private boolean _tls;
    private String _caFile;
    private String _serverName;
    private int _poolSize;
    private long _connectTimeoutMillis;
    private long _requestTimeoutMillis;
    private IggyResourceId _stream;
    private IggyResourceId _topic;
    private String _consumerGroup;
    private int _pollBatchSize;
    private int _prefetchBatches;
    private boolean _metadataPopulate;
    private OffsetCriteria _offsetCriteria;
    private int _fetchTimeoutMillis;

    Parser(Map<String, String> map, String tableNameWithType) {
      _map = map;
      _tableNameWithType = tableNameWithType;
    }

    List<String> parse() {
      _host = required(IggyConfigKeys.HOST, "a host name or IP address");
      _port = (int) number(IggyConfigKeys.PORT, IggyConfigKeys.DEFAULT_PORT, 1, 65_535);
      _username = optional(IggyConfigKeys.USERNAME, IggyConfigKeys.DEFAULT_USERNAME);
      _password = optional(IggyConfigKeys.PASSWORD, IggyConfigKeys.DEFAULT_PASSWORD);
      _token = optional(IggyConfigKeys.PERSONAL_ACCESS_TOKEN, null);
      checkLength(IggyConfigKeys.USERNAME, _username, 3, 50);
      checkLength(IggyConfigKeys.PASSWORD, _password, 3, 100);
      if (_token != null) {
        checkLength(IggyConfigKeys.PERSONAL_ACCESS_TOKEN, _token, 1, 255);
      }
      _tls = bool(IggyConfigKeys.ENABLE_TLS, false);
      _caFile = optional(IggyConfigKeys.TLS_CA_FILE, null);
      _serverName = optional(IggyConfigKeys.TLS_SERVER_NAME, null);
      if (_caFile != null && !new File(_caFile).isFile()) {
        _problems.add(key(IggyConfigKeys.TLS_CA_FILE) + ": file '" + _caFile
            + "' does not exist or is not readable (allowed: path to a PEM CA certificate)");
      }
      if (!_tls && (_caFile != null || _serverName != null)) {
        _problems.add(key(IggyConfigKeys.TLS_CA_FILE) + " and " + key(IggyConfigKeys.TLS_SERVER_NAME)
            + " need " + key(IggyConfigKeys.ENABLE_TLS) + "=true");
      }
      _poolSize = (int) number(IggyConfigKeys.CONNECTION_POOL_SIZE, IggyConfigKeys.DEFAULT_CONNECTION_POOL_SIZE, 1,
          64);
      _connectTimeoutMillis = number(IggyConfigKeys.CONNECTION_TIMEOUT_MILLIS,
          IggyConfigKeys.DEFAULT_CONNECTION_TIMEOUT_MILLIS, 1, Integer.MAX_VALUE);
      _requestTimeoutMillis = number(IggyConfigKeys.REQUEST_TIMEOUT_MILLIS,
          IggyConfigKeys.DEFAULT_REQUEST_TIMEOUT_MILLIS, 1, Integer.MAX_VALUE);
      _fetchTimeoutMillis = (int) number(IggyConfigKeys.FETCH_TIMEOUT_MILLIS,
          StreamConfig.DEFAULT_STREAM_FETCH_TIMEOUT_MILLIS, 1, Integer.MAX_VALUE);
      _stream = resourceId(IggyConfigKeys.STREAM_ID, required(IggyConfigKeys.STREAM_ID,
          "a stream name or numeric stream id"));
      String topic = optional(IggyConfigKeys.TOPIC_ID, null);
      String topicKey = IggyConfigKeys.TOPIC_ID;
      if (topic == null) {
        topic = optional(IggyConfigKeys.TOPIC_NAME, null);
        topicKey = IggyConfigKeys.TOPIC_NAME;
      }
      if (topic == null) {
        _problems.add(key(IggyConfigKeys.TOPIC_ID) + " (or " + key(IggyConfigKeys.TOPIC_NAME)
            + ") is required (allowed: a topic name or numeric topic id)");
      } else {
        _topic = resourceId(topicKey, topic);
      }
      _consumerGroup = optional(IggyConfigKeys.CONSUMER_GROUP, null);
      if (_consumerGroup != null) {
        checkLength(IggyConfigKeys.CONSUMER_GROUP, _consumerGroup, 1, 255);
        checkAscii(IggyConfigKeys.CONSUMER_GROUP, _consumerGroup, "an ASCII consumer name");
      }
      _pollBatchSize = (int) number(IggyConfigKeys.POLL_BATCH_SIZE, IggyConfigKeys.DEFAULT_POLL_BATCH_SIZE, 1,
          1_000_000);
      _prefetchBatches = (int) number(IggyConfigKeys.PREFETCH_BATCHES, IggyConfigKeys.DEFAULT_PREFETCH_BATCHES, 0, 8);
      _metadataPopulate = bool(IggyConfigKeys.METADATA_POPULATE, false);
      _offsetCriteria = offsetCriteria();
      return _problems;
    }

    private String raw(String suffix) {
      String value = _map.get(key(suffix));
      return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    private String optional(String suffix, String defaultValue) {
      String value = raw(suffix);
      return value == null ? defaultValue : value;
    }

    private String required(String suffix, String allowed) {
      String value = raw(suffix);
      if (value == null) {
        _problems.add(key(suffix) + " is required (allowed: " + allowed + ")");
      }
      return value;
    }

    private long number(String suffix, long defaultValue, long min, long max) {
      String value = raw(suffix);
      if (value == null) {
        return defaultValue;
      }
      try {
        long parsed = Long.parseLong(value);
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below with the allowed range
      }
      _problems.add(key(suffix) + ": '" + value + "' is not valid (allowed: an integer from " + min + " to " + max
          + ")");
      return defaultValue;
    }

    private boolean bool(String suffix, boolean defaultValue) {
      String value = raw(suffix);
      if (value == null) {
        return defaultValue;
      }
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(value);
      }
      _problems.add(key(suffix) + ": '" + value + "' is not valid (allowed: true, false)");
      return defaultValue;
    }

    private void checkLength(String suffix, String value, int min, int max) {
      int length = value.getBytes(StandardCharsets.UTF_8).length;
      if (length < min || length > max) {
        _problems.add(key(suffix) + ": length " + length + " is not valid (allowed: " + min + " to " + max
            + " bytes)");
      }
    }

    private IggyResourceId resourceId(String suffix, String value) {
      if (value == null) {
        return null;
      }
      try {
        IggyResourceId id = IggyResourceId.parse(value);
        if (!id.isNumeric()) {
          checkAscii(suffix, id.name(), "an ASCII name of 1 to 255 characters or a numeric id from 0 to 4294967295");
        }
        return id;
      } catch (IllegalArgumentException e) {
        _problems.add(key(suffix) + ": '" + value + "' is not valid: " + e.getMessage()
            + " (allowed: a name of 1 to 255 bytes or a numeric id from 0 to 4294967295)");
        return null;
      }
    }

    /**
     * The Iggy Java SDK 0.8.0 writes a name's length as its Java char count and its bytes in the platform charset,
     * so the server rejects every request naming anything that is not ASCII.
     */
    private void checkAscii(String suffix, String value, String allowed) {
      if (!value.chars().allMatch(c -> c < 0x80)) {
        _problems.add(key(suffix) + ": '" + value + "' is not ASCII, and the Iggy Java SDK 0.8.0 cannot encode such "
            + "a name in a request (allowed: " + allowed + ")");
      }
    }

    private OffsetCriteria offsetCriteria() {
      String value = raw(IggyConfigKeys.OFFSET_CRITERIA);
      if (value == null) {
        return OffsetCriteria.LARGEST_OFFSET_CRITERIA;
      }
      OffsetCriteria criteria = new OffsetCriteria.OffsetCriteriaBuilder().withOffsetString(value);
      if (criteria.isCustom()) {
        _problems.add(key(IggyConfigKeys.OFFSET_CRITERIA) + ": '" + value + "' is not valid (allowed: smallest, "
            + "largest, a period such as 2d or 4h30m, or a timestamp such as 2026-01-31T12:00:00.000Z)");
        return OffsetCriteria.LARGEST_OFFSET_CRITERIA;
      }
      return criteria;
    }
  }
}
