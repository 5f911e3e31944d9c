package org.apache.iggy.connector.pinot.bench;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark's command line: {@code [--events N] [--runs N] [--warmups N] [--quick | --smoke] [--only
 * SCENARIO]... [--iggy HOST:PORT --username U --password P]}.
 *
 * @param events events per scenario (each scenario spreads them over its partitions)
 * @param runs measured runs per figure (the median is shown)
 * @param warmUps unmeasured turns of every side before the measured ones, so that the JIT has compiled the code of
 *     both sides (Pinot's segment code runs a few times per turn only: one turn leaves the JIT busy for several more)
 * @param scenarios the scenarios to run
 * @param iggyHost the Iggy server's host, or null for the embedded test server
 */
public record BenchOptions(long events, int runs, int warmUps, Set<Scenario> scenarios, String iggyHost,
    int iggyPort, String username, String password) {
  public static final String USAGE = "usage: bin/iggy-pinot-bench [--events N] [--runs N] [--warmups N] "
      + "[--quick | --smoke] [--only fetch|decoder|rsdm|partitions]... "
      + "[--iggy HOST:PORT --username USER --password PASSWORD]";
  static final long FULL_EVENTS = 500_000;
  static final long QUICK_EVENTS = 100_000;
  static final long SMOKE_EVENTS = 1_280;
  static final int DEFAULT_RUNS = 3;
  static final int MAX_RUNS = 99;
  static final int DEFAULT_WARM_UPS = 3;

  /** The four scenarios of issue 9, by their {@code --only} names. */
  public enum Scenario {
    FETCH, DECODER, RSDM, PARTITIONS;

    static Scenario named(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown scenario '" + name + "'");
      }
    }
  }

  /** The same options with {@code runs} measured runs. */
  BenchOptions withRuns(int runs) {
    return new BenchOptions(events, runs, warmUps, scenarios, iggyHost, iggyPort, username, password);
  }

  public boolean externalIggy() {
    return iggyHost != null;
  }

  /** Parses the arguments; throws {@link IllegalArgumentException} with a one-line message on bad usage. */
  public static BenchOptions parse(String... args) {
    Long events = null;
    Integer runs = null;
    Integer warmUps = null;
    String size = "full";
    Set<Scenario> only = EnumSet.noneOf(Scenario.class);
    String iggy = null;
    String username = "iggy";
    String password = "iggy";
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--events" -> events = positive(arg, value(args, ++i, arg));
        case "--runs" -> runs = runs(value(args, ++i, arg));
        case "--warmups" -> warmUps = warmUps(value(args, ++i, arg));
        case "--quick" -> size = "quick";
        case "--smoke" -> size = "smoke";
        case "--only" -> only.add(Scenario.named(value(args, ++i, arg)));
        case "--iggy" -> iggy = value(args, ++i, arg);
        case "--username" -> username = value(args, ++i, arg);
        case "--password" -> password = value(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    long defaultEvents = switch (size) {
      case "quick" -> QUICK_EVENTS;
      case "smoke" -> SMOKE_EVENTS;
      default -> FULL_EVENTS;
    };
    boolean smoke = size.equals("smoke");
    String host = null;
    int port = 0;
    if (iggy != null) {
      int colon = iggy.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("--iggy wants HOST:PORT, not '" + iggy + "'");
      }
      host = iggy.substring(0, colon);
      port = (int) positive("--iggy port", iggy.substring(colon + 1));
    }
    int measuredRuns = runs != null ? runs : smoke ? 1 : DEFAULT_RUNS;
    int warmUpTurns = warmUps != null ? warmUps : smoke ? 0 : DEFAULT_WARM_UPS;
    return new BenchOptions(events == null ? defaultEvents : events, measuredRuns, warmUpTurns,
        only.isEmpty() ? EnumSet.allOf(Scenario.class) : only, host, port, username, password);
  }

  private static int runs(String value) {
    long runs = positive("--runs", value);
    if (runs > MAX_RUNS) {
      throw new IllegalArgumentException("--runs takes 1 to " + MAX_RUNS + ", not " + value);
    }
    return (int) runs;
  }

  private static int warmUps(String value) {
    String problem = "--warmups takes 0 to " + MAX_RUNS + ", not '" + value + "'";
    int warmUps;
    try {
      warmUps = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(problem, e);
    }
    if (warmUps < 0 || warmUps > MAX_RUNS) {
      throw new IllegalArgumentException(problem);
    }
    return warmUps;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static long positive(String option, String text) {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " wants a positive number, not '" + text + "'", e);
    }
    if (value <= 0) {
      throw new IllegalArgumentException(option + " wants a positive number, not '" + text + "'");
    }
    return value;
  }
}
