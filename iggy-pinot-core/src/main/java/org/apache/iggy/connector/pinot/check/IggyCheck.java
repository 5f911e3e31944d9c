package org.apache.iggy.connector.pinot.check;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pre-flight check of a REALTIME table over Iggy: "will this table ingest?" before it is created. For each stream
 * config of the table (several in a multi-topic table): validates it as Pinot and the connector do, connects and logs
 * in, lists the topic's partitions under Pinot's partition group ids with their offsets and where the offset criteria
 * would start, and decodes sampled messages against the schema. Exit code 0 when ingestion would work, 1 when it
 * would not, 2 on bad usage. Passwords and tokens are never printed.
 */
public final class IggyCheck {
  private static final int OK = 0;
  private static final int WOULD_NOT_INGEST = 1;
  private static final int BAD_USAGE = 2;
  /** Shorter values (such as Iggy's default password) would mask ordinary words of the report. */
  private static final int MIN_MASKED_LENGTH = 6;
  private static final Pattern SECRET_ENTRY = Pattern.compile(
      "\"[^\"]*(?:password|token|secret)[^\"]*\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.CASE_INSENSITIVE);

  private IggyCheck() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the check, printing the report to {@code out}; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CheckOptions options;
    try {
      options = CheckOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(CheckOptions.USAGE);
      return BAD_USAGE;
    }
    CheckReport report = new CheckReport();
    for (TableConfigCheck.Setup setup : TableConfigCheck.inspect(options, report)) {
      if (setup.iggy() != null) {
        IggyProbe.run(setup, options);
      }
    }
    String printed = options.json() ? ReportWriter.json(report) : ReportWriter.text(report);
    out.print(redact(printed, secrets(options)));
    out.flush();
    return report.ok() ? OK : WOULD_NOT_INGEST;
  }

  /**
   * Values of password, token and secret keys. No message of the report contains them; masking them in the output
   * as well guards against a future message that would. Read from the raw text, so a config that does not parse is
   * covered too.
   */
  private static List<String> secrets(CheckOptions options) {
    List<String> secrets = new ArrayList<>();
    String text;
    try {
      text = Files.readString(options.tableConfig());
    } catch (IOException e) {
      return secrets;
    }
    Matcher matcher = SECRET_ENTRY.matcher(text);
    while (matcher.find()) {
      if (matcher.group(1).length() >= MIN_MASKED_LENGTH) {
        secrets.add(matcher.group(1));
      }
    }
    return secrets;
  }

  static String redact(String text, List<String> secrets) {
    String redacted = text;
    for (String secret : secrets) {
      redacted = redacted.replace(secret, "****");
    }
    return redacted;
  }
}
