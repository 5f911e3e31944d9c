package org.apache.iggy.connector.pinot.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON examples of the project README, so tests and the demo run exactly what users copy. */
public final class ReadmeExamples {
  /** A marker only the README's table config example contains. */
  public static final String TABLE_CONFIG = "\"tableType\": \"REALTIME\"";
  /** A marker only the README's schema example contains. */
  public static final String SCHEMA = "\"dimensionFieldSpecs\"";
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  private ReadmeExamples() {
  }

  /** The project's README.md, found from the working directory (the project root or one of its modules). */
  public static Path projectReadme() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.exists(candidate.resolve("README.md")) && Files.isDirectory(candidate.resolve("iggy-pinot-core"))) {
        return candidate.resolve("README.md");
      }
    }
    throw new IllegalStateException("cannot find the project's README.md from " + dir);
  }

  /** The first JSON block of the project README that contains {@code marker}. */
  public static String jsonBlock(String marker) throws IOException {
    return jsonBlock(projectReadme(), marker);
  }

  /** The first JSON block of {@code readme} that contains {@code marker}. */
  public static String jsonBlock(Path readme, String marker) throws IOException {
    Matcher matcher = JSON_BLOCK.matcher(Files.readString(readme));
    while (matcher.find()) {
      if (matcher.group(1).contains(marker)) {
        return matcher.group(1);
      }
    }
    throw new IllegalStateException(readme + " has no JSON example containing " + marker);
  }
}
