package org.apache.iggy.connector.pinot.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The demo's command line: {@code --duration 30s}, {@code --rate 400} (events per second), {@code --iggy host:port}
 * with {@code --username}/{@code --password} to use a real server instead of the embedded test server,
 * {@code --stream analytics}, {@code --plugins-dir DIR} (default: system property {@code plugins.dir}).
 */
public record DemoOptions(Duration duration, int eventsPerSecond, String iggyHost, int iggyPort, String username,
    String password, String stream, Path pluginsDir) {
  public static final String USAGE = "usage: demo [--duration 30s] [--rate EVENTS_PER_SECOND] "
      + "[--iggy HOST:PORT [--username U] [--password P]] [--stream NAME] [--plugins-dir DIR]";

  /** Parses the arguments; an {@link IllegalArgumentException} names the bad one. */
  public static DemoOptions parse(String... args) {
    Duration duration = Duration.ofSeconds(30);
    int rate = 400;
    String host = null;
    int port = 0;
    String username = "iggy";
    String password = "iggy";
    String stream = "analytics";
    String pluginsDir = System.getProperty("plugins.dir");
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--duration":
          duration = parseDuration(value);
          break;
        case "--rate":
          rate = positive(option, value);
          break;
        case "--iggy":
          int colon = value.lastIndexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("--iggy takes HOST:PORT, not '" + value + "'");
          }
          host = value.substring(0, colon);
          port = positive(option, value.substring(colon + 1));
          break;
        case "--username":
          username = value;
          break;
        case "--password":
          password = value;
          break;
        case "--stream":
          stream = value;
          break;
        case "--plugins-dir":
          pluginsDir = value;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (pluginsDir == null) {
      throw new IllegalArgumentException("--plugins-dir (or -Dplugins.dir) must name the unpacked plugin archive's "
          + "parent folder");
    }
    return new DemoOptions(duration, rate, host, port, username, password, stream, Path.of(pluginsDir));
  }

  /** Whether the demo runs against a real Iggy server rather than the embedded test server. */
  public boolean externalIggy() {
    return iggyHost != null;
  }

  private static Duration parseDuration(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--duration takes seconds or minutes such as 30s or 2m, not '" + value + "'");
    }
  }

  private static int positive(String option, String value) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      number = 0;
    }
    if (number <= 0) {
      throw new IllegalArgumentException(option + " takes a positive number, not '" + value + "'");
    }
    return number;
  }
}
