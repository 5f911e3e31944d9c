package org.apache.iggy.connector.pinot.bench;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One line of the benchmark's table: a figure of ours beside its baseline from the same run, the target, and whether
 * every run of both read exactly what was produced.
 *
 * @param met "yes", "no", or "-" without a target
 * @param check "ok", or why a side failed
 */
public record BenchRow(String scenario, String what, String baseline, String ours, String ratio, String target, String met,
    String check) {

  /** Ours against the baseline in rows per second; {@code minRatio} is the target, or NaN for none. */
  static BenchRow rates(String scenario, String what, SideResult baseline, SideResult ours, double minRatio) {
    double ratio = ours.medianRate() / baseline.medianRate();
    boolean passed = baseline.passed() && ours.passed();
    return new BenchRow(scenario, what, labelled(baseline, rate(baseline.medianRate())),
        labelled(ours, rate(ours.medianRate())), passed ? String.format(Locale.ROOT, "%.2fx", ratio) : "-",
        Double.isNaN(minRatio) ? "-" : String.format(Locale.ROOT, ">= %.2fx", minRatio),
        Double.isNaN(minRatio) || !passed ? "-" : ratio >= minRatio ? "yes" : "no", check(baseline, ours));
  }

  /** A share of time (each side's {@link Run#extra()}), ours at most {@code maxShare}. */
  static BenchRow shares(String scenario, String what, SideResult baseline, SideResult ours, double maxShare) {
    boolean passed = baseline.passed() && ours.passed();
    double share = ours.medianExtra();
    return new BenchRow(scenario, what, labelled(baseline, percent(baseline.medianExtra())),
        labelled(ours, percent(share)), "-", "<= " + percent(maxShare),
        !passed ? "-" : share <= maxShare ? "yes" : "no", check(baseline, ours));
  }

  /** A figure without a baseline or a target. */
  static BenchRow figure(String scenario, String what, SideResult side, String value) {
    return new BenchRow(scenario, what, "-", labelled(side, value), "-", "-", "-", check(side));
  }

  public boolean passed() {
    return check.equals("ok");
  }

  static String rate(double rowsPerSecond) {
    return Double.isNaN(rowsPerSecond) ? "-" : String.format(Locale.ROOT, "%,.0f rows/s", rowsPerSecond);
  }

  static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String labelled(SideResult side, String value) {
    return side.name() + ": " + value;
  }

  private static String check(SideResult... sides) {
    String failures = Stream.of(sides).map(SideResult::failure).filter(Objects::nonNull)
        .collect(Collectors.joining("; "));
    return failures.isEmpty() ? "ok" : "FAILED: " + failures;
  }
}
