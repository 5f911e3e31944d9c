package org.apache.iggy.connector.pinot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pinot.spi.stream.StreamConfig;
import org.junit.jupiter.api.Test;

/**
 * Every error message the README's troubleshooting table quotes must exist: in the connector's sources (the parts
 * between the README's "…" placeholders, each inside one string literal) or, for Pinot's own messages, in what Pinot
 * throws.
 */
class ReadmeTroubleshootingTest {
  private static final Pattern ROW_MESSAGES = Pattern.compile("(?m)^\\| (.+?) \\| [^|]+ \\|$");
  private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern JOINED_LITERALS = Pattern.compile("\"\\s*\\+\\s*\"");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{}|%[sd]");

  private static Path root() {
    return Path.of(System.getProperty("user.dir")).getParent();
  }

  /** The messages quoted in the first column of the troubleshooting table (not metric names such as X_Y). */
  private static List<String> quotedMessages() throws IOException {
    String readme = Files.readString(root().resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Troubleshooting"));
    section = section.substring(0, section.indexOf("\n## ", 3));
    List<String> messages = new ArrayList<>();
    Matcher row = ROW_MESSAGES.matcher(section);
    while (row.find()) {
      Matcher quoted = QUOTED.matcher(row.group(1));
      while (quoted.find()) {
        if (quoted.group(1).contains(" ")) {
          messages.add(quoted.group(1));
        }
      }
    }
    return messages;
  }

  /** Every string literal of the connector's main sources, adjacent "a" + "b" joined, log placeholders as "…". */
  private static List<String> sourceLiterals() throws IOException {
    List<String> literals = new ArrayList<>();
    for (String module : List.of("iggy-pinot-core", "iggy-pinot-decoders")) {
      try (Stream<Path> files = Files.walk(root().resolve(module).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = JOINED_LITERALS.matcher(Files.readString(file)).replaceAll("");
          Matcher literal = LITERAL.matcher(source);
          while (literal.find()) {
            literals.add(PLACEHOLDER.matcher(literal.group(1).replace("\\'", "'")).replaceAll("…"));
          }
        }
      }
    }
    return literals;
  }

  /** Messages Pinot itself throws for the table configs the README's rows describe. */
  private static List<String> pinotMessages() {
    Map<String, String> withoutTopicName = new HashMap<>(Map.of("streamType", "iggy",
        "stream.iggy.consumer.factory.class.name", "org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory",
        "stream.iggy.decoder.class.name", "org.apache.iggy.connector.pinot.decoder.IggyJsonMessageDecoder"));
    try {
      new StreamConfig("events_REALTIME", withoutTopicName);
      return List.of();
    } catch (RuntimeException e) {
      return List.of(e.getMessage());
    }
  }

  private static boolean exists(String message, List<String> literals, List<String> pinot) {
    if (pinot.stream().anyMatch(thrown -> thrown.contains(message))) {
      return true;
    }
    for (String part : message.split("…")) {
      String fragment = part.strip().replaceAll("^[':,(]+|[':,(]+$", "").strip();
      if (!fragment.isEmpty() && literals.stream().noneMatch(literal -> literal.contains(fragment))) {
        return false;
      }
    }
    return true;
  }

  @Test
  void everyQuotedMessageIsOneTheConnectorOrPinotEmits() throws IOException {
    List<String> messages = quotedMessages();
    List<String> literals = sourceLiterals();
    List<String> pinot = pinotMessages();

    assertThat(messages).hasSizeGreaterThan(10);
    assertThat(messages).allSatisfy(message -> assertThat(exists(message, literals, pinot))
        .as("README troubleshooting message '%s' exists in the code", message).isTrue());
  }

  @Test
  void aMessageTheCodeDoesNotEmitIsCaught() throws IOException {
    assertThat(exists("Iggy stream '…' went on holiday at …", sourceLiterals(), pinotMessages())).isFalse();
  }
}
