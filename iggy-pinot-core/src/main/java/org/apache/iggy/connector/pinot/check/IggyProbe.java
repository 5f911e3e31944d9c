package org.apache.iggy.connector.pinot.check;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.iggy.connector.pinot.client.IggyClient;
import org.apache.iggy.connector.pinot.client.IggyErrors;
import org.apache.iggy.connector.pinot.client.PartitionMetadata;
import org.apache.iggy.connector.pinot.client.TopicDescription;
import org.apache.iggy.connector.pinot.client.TopicRef;
import org.apache.iggy.connector.pinot.client.tcp.TcpIggyClient;
import org.apache.iggy.connector.pinot.config.IggyConnectionSettings;
import org.apache.iggy.connector.pinot.config.IggyResourceId;
import org.apache.iggy.connector.pinot.config.IggyStreamConfig;
import org.apache.iggy.connector.pinot.metadata.PartitionIdMapping;
import org.apache.iggy.connector.pinot.metadata.PartitionOffsets;
import org.apache.pinot.spi.plugin.PluginManager;
import org.apache.pinot.spi.stream.StreamMessageDecoder;

/**
 * Talks to Iggy through the connector's own client layer: connects and logs in, resolves stream and topic, reads
 * each partition's offsets and where the offset criteria start, and samples messages; for one stream config.
 */
final class IggyProbe {
  private IggyProbe() {
  }

  static void run(TableConfigCheck.Setup setup, CheckOptions options) {
    StreamReport report = setup.report();
    IggyStreamConfig config = setup.iggy();
    IggyConnectionSettings settings = config.connection();
    Duration timeout = Duration.ofMillis(settings.requestTimeoutMillis());
    IggyClient client = new TcpIggyClient(settings);
    try {
      try {
        client.connect(Duration.ofMillis(settings.connectTimeoutMillis()));
      } catch (RuntimeException e) {
        report.connection(new StreamReport.Connection(settings.address(), settings.principal(), settings.tls(),
            IggyErrors.kindOf(e), e.getMessage()));
        return;
      }
      report.connection(new StreamReport.Connection(settings.address(), settings.principal(), settings.tls(), null,
          null));
      TopicRef topic = new TopicRef(config.stream(), config.topic());
      report.topic(plain(config.stream()), plain(config.topic()), config.offsetCriteria().getOffsetString());
      try {
        survey(client, topic, setup, options, report, timeout);
      } catch (RuntimeException e) {
        report.topicProblem(IggyErrors.kindOf(e).label() + ": " + e.getMessage());
      }
    } finally {
      client.close();
    }
  }

  private static void survey(IggyClient client, TopicRef topic, TableConfigCheck.Setup setup,
      CheckOptions options, StreamReport report, Duration timeout) {
    TopicDescription description = client.fetchTopic(topic, timeout);
    MessageSampler sampler = sampler(setup, options, report);
    PartitionOffsets offsets = new PartitionOffsets(client, topic);
    for (PartitionMetadata partition : description.partitions()) {
      long first = offsets.smallest(partition, timeout);
      long start = offsets.resolve(setup.iggy().offsetCriteria(), partition, timeout);
      SampleReport sample = sampler == null ? null : sampler.sample(client, topic, partition, first, start, timeout);
      report.partition(new PartitionReport(partition.id(),
          PartitionIdMapping.toPinotPartitionGroup(report.index(), partition.id()), first, partition.nextOffset(),
          partition.messagesCount(), start, sample));
    }
    warnAboutMissingFields(report);
  }

  /** The sampler, or null when messages cannot be decoded (the reason is already a config problem). */
  private static MessageSampler sampler(TableConfigCheck.Setup setup, CheckOptions options, StreamReport report) {
    if (!setup.decoderLoadable()) {
      return null;
    }
    String decoderClass = setup.streamConfig().getDecoderClass();
    Set<String> fields = setup.schema() == null ? Set.of() : new HashSet<>(setup.schema().getColumnNames());
    try {
      StreamMessageDecoder<byte[]> decoder = PluginManager.get().createInstance(decoderClass);
      decoder.init(setup.streamConfig().getDecoderProperties(), fields, setup.streamConfig().getTopicName());
      report.sampling(decoderClass, setup.schema() == null ? null : setup.schema().getSchemaName(),
          options.sample());
      return new MessageSampler(decoder, setup.schema(), options.sample());
    } catch (Exception e) {
      report.configProblem("decoder " + decoderClass + " cannot be set up with the stream config's "
          + "stream.iggy.decoder.prop.* properties: " + e.getMessage());
      return null;
    }
  }

  private static String plain(IggyResourceId id) {
    return id.isNumeric() ? Long.toString(id.numericId()) : id.name();
  }

  private static void warnAboutMissingFields(StreamReport report) {
    Map<String, Integer> missing = new TreeMap<>();
    int decoded = 0;
    for (PartitionReport partition : report.partitions()) {
      if (partition.sample() != null) {
        decoded += partition.sample().decodedCount();
        partition.sample().missingFields().forEach((field, count) -> missing.merge(field, count, Integer::sum));
      }
    }
    int total = decoded;
    missing.forEach((field, count) -> report.warning("field '" + field + "' is missing in " + count + " of " + total
        + " decoded messages: Pinot stores the field's default null value for them"));
  }
}
