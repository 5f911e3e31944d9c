package org.apache.iggy.connector.pinot.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time a run took, for the benchmark's log: the whole process's (Pinot's consumer threads, which end with
 * their segments, garbage collection and the JIT included), and that of the threads doing the plugin's I/O, which
 * the in-memory stream does not need: the Iggy SDK's Netty event loops and the embedded test server's. On a machine
 * whose cores Pinot's consumers already saturate, their CPU is taken from Pinot one for one.
 */
final class CpuUse {
  private static final String SDK_EVENT_LOOPS = "multiThreadIoEventLoopGroup-";
  private static final String TEST_SERVER = "iggy-test-server";

  private final long _processNanos;
  private final long _gcMillis;
  private final long _jitMillis;
  private final Map<Long, Long> _threadNanos;

  private CpuUse(long processNanos, long gcMillis, long jitMillis, Map<Long, Long> threadNanos) {
    _processNanos = processNanos;
    _gcMillis = gcMillis;
    _jitMillis = jitMillis;
    _threadNanos = threadNanos;
  }

  /** The CPU used so far. */
  static CpuUse now() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> nanos = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      nanos.put(id, threads.getThreadCpuTime(id));
    }
    return new CpuUse(processNanos(), gcMillis(),
        ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), nanos);
  }

  /**
   * What was used since {@code start}, e.g. "process 8,890 ms, Iggy SDK event loops 386 ms, test server 150 ms,
   * garbage collection 120 ms, JIT 640 ms" (the JIT's figure is the time its compiler threads spent compiling).
   */
  static String since(CpuUse start) {
    CpuUse end = now();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sdk = 0;
    long server = 0;
    for (ThreadInfo thread : threads.getThreadInfo(end._threadNanos.keySet().stream().mapToLong(Long::longValue)
        .toArray())) {
      if (thread == null) {
        continue;
      }
      long used = end._threadNanos.get(thread.getThreadId()) - start._threadNanos.getOrDefault(thread.getThreadId(),
          0L);
      if (thread.getThreadName().startsWith(SDK_EVENT_LOOPS)) {
        sdk += used;
      } else if (thread.getThreadName().startsWith(TEST_SERVER)) {
        server += used;
      }
    }
    return String.format(Locale.ROOT,
        "process %,d ms, Iggy SDK event loops %,d ms, test server %,d ms, garbage collection %,d ms, JIT %,d ms",
        millis(end._processNanos - start._processNanos), millis(sdk), millis(server), end._gcMillis - start._gcMillis,
        end._jitMillis - start._jitMillis);
  }

  private static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The time the collectors report (G1: pauses, plus the concurrent cycles' time); their threads are not Java's. */
  private static long gcMillis() {
    long millis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, collector.getCollectionTime());
    }
    return millis;
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
