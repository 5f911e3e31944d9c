package org.apache.iggy.connector.pinot.config;

/**
 * Every {@code streamConfigs} key the connector reads, with its default. Keys are written as the suffix after
 * {@code stream.iggy.}; {@link #key(String)} builds the full name.
 */
public final class IggyConfigKeys {
  public static final String STREAM_TYPE = "iggy";
  public static final String PREFIX = "stream." + STREAM_TYPE + ".";

  public static final String HOST = "host";
  public static final String PORT = "port";
  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  public static final String PERSONAL_ACCESS_TOKEN = "personal.access.token";
  public static final String ENABLE_TLS = "enable.tls";
  public static final String TLS_CA_FILE = "tls.ca.file";
  public static final String TLS_SERVER_NAME = "tls.server.name";
  public static final String CONNECTION_POOL_SIZE = "connection.pool.size";
  public static final String CONNECTION_TIMEOUT_MILLIS = "connection.timeout.millis";
  public static final String REQUEST_TIMEOUT_MILLIS = "request.timeout.millis";
  public static final String STREAM_ID = "stream.id";
  public static final String TOPIC_ID = "topic.id";
  public static final String TOPIC_NAME = "topic.name";
  public static final String CONSUMER_GROUP = "consumer.group";
  public static final String POLL_BATCH_SIZE = "poll.batch.size";
  public static final String METADATA_POPULATE = "metadata.populate";
  public static final String OFFSET_CRITERIA = "consumer.prop.auto.offset.reset";
  public static final String FETCH_TIMEOUT_MILLIS = "fetch.timeout.millis";
  public static final String PREFETCH_BATCHES = "prefetch.batches";

  public static final int DEFAULT_PORT = 8090;
  public static final String DEFAULT_USERNAME = "iggy";
  public static final String DEFAULT_PASSWORD = "iggy";
  public static final int DEFAULT_CONNECTION_POOL_SIZE = 4;
  public static final long DEFAULT_CONNECTION_TIMEOUT_MILLIS = 10_000;
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
  public static final int DEFAULT_POLL_BATCH_SIZE = 100;
  public static final int DEFAULT_PREFETCH_BATCHES = 2;

  private IggyConfigKeys() {
  }

  /** The full table-config key for a suffix, e.g. {@code key(HOST)} is {@code stream.iggy.host}. */
  public static String key(String suffix) {
    return PREFIX + suffix;
  }
}
