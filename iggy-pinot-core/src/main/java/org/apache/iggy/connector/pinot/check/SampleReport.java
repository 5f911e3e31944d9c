package org.apache.iggy.connector.pinot.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What decoding a partition's sampled messages against the schema found. */
public final class SampleReport {
  /** Examples kept per kind of finding; counts stay exact. */
  static final int MAX_EXAMPLES = 5;

  /** One message's problem. */
  public record Finding(long offset, String detail) {
  }

  private int _sampled;
  private int _decoded;
  private int _undecodableCount;
  private int _mismatchCount;
  private final List<Finding> _undecodable = new ArrayList<>();
  private final List<Finding> _typeMismatches = new ArrayList<>();
  private final Map<String, Integer> _missingFields = new TreeMap<>();

  void sampled() {
    _sampled++;
  }

  void decoded() {
    _decoded++;
  }

  void undecodable(long offset, String detail) {
    _undecodableCount++;
    if (_undecodable.size() < MAX_EXAMPLES) {
      _undecodable.add(new Finding(offset, detail));
    }
  }

  void typeMismatch(long offset, String detail) {
    _mismatchCount++;
    if (_typeMismatches.size() < MAX_EXAMPLES) {
      _typeMismatches.add(new Finding(offset, detail));
    }
  }

  void missing(String field) {
    _missingFields.merge(field, 1, Integer::sum);
  }

  public int sampledCount() {
    return _sampled;
  }

  public int decodedCount() {
    return _decoded;
  }

  public int undecodableCount() {
    return _undecodableCount;
  }

  public int typeMismatchCount() {
    return _mismatchCount;
  }

  public List<Finding> undecodable() {
    return _undecodable;
  }

  public List<Finding> typeMismatches() {
    return _typeMismatches;
  }

  /** Schema fields absent from decoded messages, with the number of messages that lack each. */
  public Map<String, Integer> missingFields() {
    return _missingFields;
  }

  /** Whether every sampled message would become a row. */
  public boolean ok() {
    return _undecodableCount == 0 && _mismatchCount == 0;
  }
}
