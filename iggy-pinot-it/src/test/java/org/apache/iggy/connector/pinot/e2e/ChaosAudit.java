package org.apache.iggy.connector.pinot.e2e;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares Pinot's rows ({@code __metadata$partition}, {@code __metadata$offset}, {@code seq}) with the ledger of what
 * was produced and with what the Iggy test server holds: a sequence number Pinot holds twice is a duplicate, one in
 * the wrong partition or at another offset than Iggy holds it is misplaced, one Iggy holds but Pinot does not is lost
 * by the connector, one neither holds was lost by Iggy (unclean restart, retention, purge).
 */
final class ChaosAudit {
  long _rows;
  long _duplicates;
  long _misplaced;
  long _lost;
  long _lostByIggy;
  final Set<Integer> _partitionsLostByIggy = new TreeSet<>();

  static ChaosAudit of(ProducedLedger ledger, List<Object[]> pinotRows, Map<Integer, List<long[]>> iggyHeld) {
    ChaosAudit audit = new ChaosAudit();
    Map<Long, long[]> iggyBySeq = new HashMap<>();
    iggyHeld.forEach((partition, held) -> held.forEach(message -> iggyBySeq.put(message[1],
        new long[] {partition, message[0]})));
    Set<Long> inPinot = new HashSet<>();
    for (Object[] row : pinotRows) {
      audit._rows++;
      int partition = ((Number) row[0]).intValue();
      long offset = ((Number) row[1]).longValue();
      long seq = ((Number) row[2]).longValue();
      if (!inPinot.add(seq)) {
        audit._duplicates++;
      }
      long[] inIggy = iggyBySeq.get(seq);
      Integer produced = ledger.partitionOf(seq);
      if (produced == null || produced != partition || inIggy != null && inIggy[1] != offset) {
        audit._misplaced++;
      }
    }
    for (long seq = 0; seq < ledger.produced(); seq++) {
      if (inPinot.contains(seq)) {
        continue;
      }
      if (iggyBySeq.containsKey(seq)) {
        audit._lost++;
      } else {
        audit._lostByIggy++;
        audit._partitionsLostByIggy.add(ledger.partitionOf(seq));
      }
    }
    return audit;
  }
}
