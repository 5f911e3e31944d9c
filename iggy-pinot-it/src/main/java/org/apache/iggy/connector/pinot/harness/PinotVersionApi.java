package org.apache.iggy.connector.pinot.harness;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.pinot.common.datatable.DataTable;
import org.apache.pinot.common.metrics.BrokerMetrics;
import org.apache.pinot.common.request.BrokerRequest;
import org.apache.pinot.common.response.broker.BrokerResponseNative;
import org.apache.pinot.core.data.manager.realtime.RealtimeSegmentDataManager;
import org.apache.pinot.core.operator.blocks.InstanceResponseBlock;
import org.apache.pinot.core.plan.maker.InstancePlanMakerImplV2;
import org.apache.pinot.core.query.reduce.BrokerReduceService;
import org.apache.pinot.core.query.request.context.QueryContext;
import org.apache.pinot.core.transport.ServerRoutingInstance;
import org.apache.pinot.segment.local.realtime.impl.RealtimeSegmentStatsHistory;
import org.apache.pinot.segment.spi.SegmentContext;
import org.apache.pinot.spi.query.QueryThreadContext;
import org.apache.pinot.spi.stream.ConsumerPartitionState;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMetadataProvider;

/**
 * The few Pinot calls of the harness and the tests whose signature changed between Pinot versions, for Pinot 1.5.
 * The Pinot 1.4 test module (iggy-pinot-it-pinot14) compiles its own class of this name, with the same methods,
 * which comes first on its class path.
 */
public final class PinotVersionApi {
  private PinotVersionApi() {
  }

  public static RealtimeSegmentStatsHistory statsHistory(File file) throws Exception {
    return RealtimeSegmentStatsHistory.deserializeFrom(file);
  }

  /** The consumer state of one partition that Pinot's lag gauges start from (the latest offset from provider). */
  public static Map<String, ConsumerPartitionState> consumerState(RealtimeSegmentDataManager manager,
      StreamMetadataProvider provider, int partition) throws Exception {
    return manager.getConsumerPartitionState(provider.fetchLatestStreamOffset(Set.of(partition), 5000)
        .get(partition));
  }

  /** A stream metadata provider as the controller's lag and partition checks create it. */
  public static StreamMetadataProvider metadataProvider(StreamConsumerFactory factory, String clientId) {
    return factory.createStreamMetadataProvider(clientId, true);
  }

  /** Plans and executes a query over segments as a server does. */
  public static InstanceResponseBlock executeOnServer(List<SegmentContext> segments, QueryContext query,
      ExecutorService workers) throws Exception {
    try (QueryThreadContext ignored = QueryThreadContext.openForSseTest()) {
      return new InstancePlanMakerImplV2().makeInstancePlan(segments, query, workers).execute();
    }
  }

  /** Reduces the servers' answers to a query as a broker does. */
  public static BrokerResponseNative reduceOnBroker(BrokerReduceService reducer, BrokerRequest request,
      Map<ServerRoutingInstance, DataTable> answers, long timeoutMs, BrokerMetrics metrics) {
    try (QueryThreadContext ignored = QueryThreadContext.openForSseTest()) {
      return reducer.reduceOnDataTable(request, request, answers, timeoutMs, metrics);
    }
  }
}
