package org.apache.iggy.connector.pinot.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iggy.connector.pinot.client.FailureKind;

/** Prints a {@link CheckReport} for people (aligned text) or for tools (JSON). Never sees a secret. */
final class ReportWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {
  }

  static String text(CheckReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Iggy pre-flight check").append(report.table() == null ? "" : " of table " + report.table())
        .append('\n');
    int streams = report.streams().size();
    section(out, "Table config", (report.configProblems().isEmpty() ? "OK" : report.configProblems().size()
        + " problem(s)") + (streams > 1 ? ", " + streams + " stream configs (multi-topic)" : ""));
    list(out, report.configProblems());
    for (StreamReport stream : report.streams()) {
      if (streams > 1) {
        out.append("-- stream config #").append(stream.index()).append(" of ").append(streams)
            .append(": Pinot partition groups from ").append(stream.firstPartitionGroup()).append('\n');
      }
      stream(out, stream, streams > 1);
    }
    if (!report.warnings().isEmpty()) {
      section(out, "Warnings", Integer.toString(report.warnings().size()));
      list(out, report.warnings());
    }
    out.append(report.ok() ? "RESULT: OK, Pinot would ingest this table\n"
        : "RESULT: FAILED, Pinot would not ingest this table as configured\n");
    return out.toString();
  }

  private static void stream(StringBuilder out, StreamReport report, boolean withGroups) {
    section(out, "Stream config", report.configProblems().isEmpty() ? "OK" : report.configProblems().size()
        + " problem(s)");
    list(out, report.configProblems());
    StreamReport.Connection connection = report.connection();
    if (connection == null) {
      section(out, "Connection", "not tried (fix the stream config first)");
    } else {
      String target = connection.address() + " as " + connection.principal() + (connection.tls() ? ", TLS"
          : ", no TLS");
      section(out, "Connection", connection.ok() ? "OK " + target : "FAILED (" + connection.kind().label() + ": "
          + connection.kind().meaning() + ") " + target);
      if (!connection.ok()) {
        out.append("  - ").append(connection.message()).append('\n');
        if (connection.kind() == FailureKind.TIMEOUT && connection.tls()) {
          out.append("  - with stream.iggy.enable.tls=true, a server that does not speak TLS never answers the "
              + "handshake: check that TLS is enabled on the server\n");
        }
      }
    }
    if (report.stream() != null) {
      section(out, "Topic", report.topicProblem() != null ? "FAILED " + report.topicProblem()
          : "stream " + report.stream() + ", topic " + report.topic() + ": " + report.partitions().size()
          + " partition(s), offset criteria '" + report.offsetCriteria() + "'");
    }
    if (!report.partitions().isEmpty()) {
      partitions(out, report, withGroups);
    }
    if (!report.warnings().isEmpty()) {
      section(out, "Warnings", Integer.toString(report.warnings().size()));
      list(out, report.warnings());
    }
  }

  private static void partitions(StringBuilder out, StreamReport report, boolean withGroups) {
    out.append(String.format(Locale.ROOT, "  %s%-9s  %12s  %12s  %10s  %12s  %s%n", withGroups
        ? String.format(Locale.ROOT, "%-11s  ", "pinot group") : "", "partition", "first offset", "next offset",
        "messages", "starts at", report.decoder() == null ? "" : "sample"));
    for (PartitionReport partition : report.partitions()) {
      out.append(String.format(Locale.ROOT, "  %s%-9d  %12d  %12d  %10d  %12d  %s%n", withGroups
          ? String.format(Locale.ROOT, "%-11d  ", partition.partitionGroup()) : "", partition.partition(),
          partition.firstOffset(), partition.nextOffset(), partition.messages(), partition.startOffset(),
          sampleSummary(partition.sample())));
    }
    if (report.decoder() != null) {
      out.append("  sampled up to ").append(report.sampleSize()).append(" messages per partition, decoded with ")
          .append(report.decoder()).append(report.schema() == null ? " (no schema given)"
              : " against schema " + report.schema()).append('\n');
    }
    for (PartitionReport partition : report.partitions()) {
      SampleReport sample = partition.sample();
      if (sample == null) {
        continue;
      }
      sample.undecodable().forEach(finding -> out.append("  - partition ").append(partition.partition())
          .append(" offset ").append(finding.offset()).append(": undecodable: ").append(finding.detail())
          .append('\n'));
      sample.typeMismatches().forEach(finding -> out.append("  - partition ").append(partition.partition())
          .append(" offset ").append(finding.offset()).append(": type mismatch: ").append(finding.detail())
          .append('\n'));
    }
  }

  private static void list(StringBuilder out, List<String> items) {
    items.forEach(item -> out.append("  - ").append(item).append('\n'));
  }

  private static String sampleSummary(SampleReport sample) {
    if (sample == null) {
      return "";
    }
    return sample.decodedCount() + "/" + sample.sampledCount() + " decoded" + (sample.undecodableCount() > 0 ? ", "
        + sample.undecodableCount() + " undecodable" : "") + (sample.typeMismatchCount() > 0 ? ", "
        + sample.typeMismatchCount() + " type mismatch(es)" : "");
  }

  private static void section(StringBuilder out, String title, String status) {
    out.append(String.format(Locale.ROOT, "%-14s %s%n", title, status));
  }

  static String json(CheckReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("ok", report.ok());
    root.put("table", report.table());
    root.put("configProblems", report.configProblems());
    List<Map<String, Object>> streams = new ArrayList<>();
    report.streams().forEach(stream -> streams.add(streamJson(stream)));
    root.put("streams", streams);
    root.put("warnings", report.warnings());
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  private static Map<String, Object> streamJson(StreamReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("index", report.index());
    root.put("firstPartitionGroup", report.firstPartitionGroup());
    root.put("ok", report.ok());
    root.put("configProblems", report.configProblems());
    StreamReport.Connection connection = report.connection();
    if (connection != null) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("ok", connection.ok());
      node.put("address", connection.address());
      node.put("principal", connection.principal());
      node.put("tls", connection.tls());
      if (!connection.ok()) {
        node.put("failure", connection.kind().label());
        node.put("message", connection.message());
      }
      root.put("connection", node);
    }
    if (report.stream() != null) {
      Map<String, Object> topic = new LinkedHashMap<>();
      topic.put("stream", report.stream());
      topic.put("topic", report.topic());
      topic.put("offsetCriteria", report.offsetCriteria());
      topic.put("problem", report.topicProblem());
      topic.put("decoder", report.decoder());
      topic.put("schema", report.schema());
      topic.put("partitions", partitionsJson(report));
      root.put("topic", topic);
    }
    root.put("warnings", report.warnings());
    return root;
  }

  private static List<Map<String, Object>> partitionsJson(StreamReport report) {
    List<Map<String, Object>> partitions = new ArrayList<>();
    for (PartitionReport partition : report.partitions()) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("partition", partition.partition());
      node.put("partitionGroup", partition.partitionGroup());
      node.put("firstOffset", partition.firstOffset());
      node.put("nextOffset", partition.nextOffset());
      node.put("messages", partition.messages());
      node.put("startOffset", partition.startOffset());
      SampleReport sample = partition.sample();
      if (sample != null) {
        Map<String, Object> sampled = new LinkedHashMap<>();
        sampled.put("sampled", sample.sampledCount());
        sampled.put("decoded", sample.decodedCount());
        sampled.put("undecodable", sample.undecodableCount());
        sampled.put("typeMismatches", sample.typeMismatchCount());
        sampled.put("missingFields", sample.missingFields());
        sampled.put("examples", examples(sample));
        node.put("sample", sampled);
      }
      partitions.add(node);
    }
    return partitions;
  }

  private static List<Map<String, Object>> examples(SampleReport sample) {
    List<Map<String, Object>> examples = new ArrayList<>();
    sample.undecodable().forEach(f -> examples.add(Map.of("offset", f.offset(), "kind", "undecodable", "detail",
        f.detail())));
    sample.typeMismatches().forEach(f -> examples.add(Map.of("offset", f.offset(), "kind", "type-mismatch",
        "detail", f.detail())));
    return examples;
  }
}
