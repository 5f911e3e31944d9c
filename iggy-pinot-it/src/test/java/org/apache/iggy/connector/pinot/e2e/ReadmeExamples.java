package org.apache.iggy.connector.pinot.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON examples of the project README, so tests run exactly what users copy. */
final class ReadmeExamples {
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  private ReadmeExamples() {
  }

  /** The first JSON block of README.md that contains {@code marker}. */
  static String jsonBlock(String marker) throws IOException {
    Path readme = Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");
    Matcher matcher = JSON_BLOCK.matcher(Files.readString(readme));
    while (matcher.find()) {
      if (matcher.group(1).contains(marker)) {
        return matcher.group(1);
      }
    }
    throw new IllegalStateException("README.md has no JSON example containing " + marker);
  }
}
