package org.apache.iggy.connector.pinot.harness;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.pinot.common.datatable.DataTable;
import org.apache.pinot.common.metrics.BrokerMetrics;
import org.apache.pinot.common.metrics.ServerMetrics;
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
import org.apache.pinot.spi.stream.ConsumerPartitionState;
import org.apache.pinot.spi.stream.StreamConsumerFactory;
import org.apache.pinot.spi.stream.StreamMetadataProvider;

/**
 * Pinot 1.4's form of the calls whose signature changed in 1.5 (see iggy-pinot-it's class of this name). As a test
 * class it comes before iggy-pinot-it's 1.5 version on this module's class path.
 */
public final class PinotVersionApi {
  private PinotVersionApi() {
  }

  public static RealtimeSegmentStatsHistory statsHistory(File file) throws Exception {
    return RealtimeSegmentStatsHistory.deserialzeFrom(file);
  }

  /** Pinot 1.4 fetches the latest upstream offset itself, through the segment's own metadata provider. */
  public static Map<String, ConsumerPartitionState> consumerState(RealtimeSegmentDataManager manager,
      StreamMetadataProvider provider, int partition) throws Exception {
    return manager.getConsumerPartitionState();
  }

  /** A stream metadata provider as the controller's lag and partition checks create it. */
  public static StreamMetadataProvider metadataProvider(StreamConsumerFactory factory, String clientId) {
    return factory.createStreamMetadataProvider(clientId);
  }

  /** Pinot 1.4's plan maker takes the server metrics; there is no query thread context. */
  public static InstanceResponseBlock executeOnServer(List<SegmentContext> segments, QueryContext query,
      ExecutorService workers) throws Exception {
    return new InstancePlanMakerImplV2().makeInstancePlan(segments, query, workers, ServerMetrics.get()).execute();
  }

  public static BrokerResponseNative reduceOnBroker(BrokerReduceService reducer, BrokerRequest request,
      Map<ServerRoutingInstance, DataTable> answers, long timeoutMs, BrokerMetrics metrics) {
    return reducer.reduceOnDataTable(request, request, answers, timeoutMs, metrics);
  }
}
