package org.apache.iggy.connector.pinot.testing;

import java.util.HashMap;
import java.util.Map;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.pinot.spi.stream.StreamConfig;

/** Stream configs for unit tests. */
public final class TestConfigs {
  private TestConfigs() {
  }

  public static Map<String, String> streamConfigMap() {
    Map<String, String> map = new HashMap<>();
    map.put("streamType", "iggy");
    map.put("stream.iggy.topic.name", "user-events");
    map.put("stream.iggy.consumer.factory.class.name", "org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory");
    map.put("stream.iggy.decoder.class.name", "org.apache.iggy.connector.pinot.decoder.IggyJsonMessageDecoder");
    map.put("stream.iggy.host", "localhost");
    map.put("stream.iggy.stream.id", "analytics");
    map.put("stream.iggy.poll.batch.size", "3");
    return map;
  }

  public static StreamConfig streamConfig(Map<String, String> overrides) {
    Map<String, String> map = streamConfigMap();
    map.putAll(overrides);
    return new StreamConfig("events_REALTIME", map);
  }

  public static IggyStreamConfig config(Map<String, String> overrides) {
    return IggyStreamConfig.from(streamConfig(overrides));
  }
}
