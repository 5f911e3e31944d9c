package org.apache.iggy.connector.pinot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the README's configuration reference and the keys the connector reads in step. */
class ReadmeConfigReferenceTest {
  /** Keys Pinot itself interprets for every stream type; the README documents them next to ours. */
  private static final Set<String> PINOT_KEYS = Set.of("stream.iggy.consumer.factory.class.name",
      "stream.iggy.decoder.class.name", "stream.iggy.decoder.prop.*");
  private static final Pattern TABLE_ROW_KEY = Pattern.compile("(?m)^\\| `(stream\\.iggy\\.[^`]+)` \\|");

  private static Set<String> connectorKeys() throws IllegalAccessException {
    Set<String> keys = new TreeSet<>();
    for (Field field : IggyConfigKeys.class.getFields()) {
      boolean constant = Modifier.isStatic(field.getModifiers()) && field.getType() == String.class;
      if (constant && !field.getName().startsWith("DEFAULT_") && !field.getName().equals("PREFIX")
          && !field.getName().equals("STREAM_TYPE")) {
        keys.add(IggyConfigKeys.key((String) field.get(null)));
      }
    }
    return keys;
  }

  private static Set<String> documentedKeys() throws IOException {
    String readme = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("README.md"));
    String reference = readme.substring(readme.indexOf("### Configuration reference"));
    Set<String> keys = new TreeSet<>();
    Matcher matcher = TABLE_ROW_KEY.matcher(reference.substring(0, reference.indexOf("\n## ")));
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return keys;
  }

  @Test
  void everyKeyOfTheConnectorIsInTheReadmeTable() throws Exception {
    assertThat(documentedKeys()).containsAll(connectorKeys());
  }

  @Test
  void theReadmeTableNamesNoKeyTheConnectorDoesNotKnow() throws Exception {
    Set<String> known = new TreeSet<>(connectorKeys());
    known.addAll(PINOT_KEYS);

    assertThat(known).containsAll(documentedKeys());
  }
}
