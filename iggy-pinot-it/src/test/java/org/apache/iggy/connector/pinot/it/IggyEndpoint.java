package org.apache.iggy.connector.pinot.it;

import java.util.HashMap;
import java.util.Map;

/**
 * Where an Iggy server listens and how tests log in to it. JDK types only, so tests whose class path is Pinot's own
 * (no Iggy SDK) can use it too.
 */
public record IggyEndpoint(String host, int port, String username, String password) {

  /** The stream config of a table reading {@code stream}/{@code topic} from this server. */
  public Map<String, String> streamConfig(String stream, String topic) {
    Map<String, String> config = new HashMap<>();
    config.put("streamType", "iggy");
    config.put("stream.iggy.topic.name", topic);
    config.put("stream.iggy.consumer.factory.class.name",
        "org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory");
    config.put("stream.iggy.decoder.class.name", "org.apache.iggy.connector.pinot.decoder.IggyJsonMessageDecoder");
    config.put("stream.iggy.host", host);
    config.put("stream.iggy.port", Integer.toString(port));
    config.put("stream.iggy.username", username);
    config.put("stream.iggy.password", password);
    config.put("stream.iggy.stream.id", stream);
    config.put("stream.iggy.poll.batch.size", "500");
    config.put("stream.iggy.consumer.prop.auto.offset.reset", "smallest");
    return config;
  }
}
