package org.apache.iggy.connector.pinot.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pinot.common.datatable.DataTable;
import org.apache.pinot.common.datatable.DataTableFactory;
import org.apache.pinot.common.metrics.BrokerMetrics;
import org.apache.pinot.common.request.PinotQuery;
import org.apache.pinot.common.response.broker.BrokerResponseNative;
import org.apache.pinot.core.operator.blocks.InstanceResponseBlock;
import org.apache.pinot.core.query.reduce.BrokerReduceService;
import org.apache.pinot.core.query.request.context.QueryContext;
import org.apache.pinot.core.query.request.context.utils.QueryContextConverterUtils;
import org.apache.pinot.core.transport.ServerRoutingInstance;
import org.apache.pinot.segment.spi.IndexSegment;
import org.apache.pinot.segment.spi.SegmentContext;
import org.apache.pinot.spi.config.table.TableType;
import org.apache.pinot.spi.env.PinotConfiguration;
import org.apache.pinot.spi.metrics.NoopPinotMetricsRegistry;
import org.apache.pinot.spi.utils.CommonConstants;
import org.apache.pinot.sql.parsers.CalciteSqlCompiler;
import org.apache.pinot.sql.parsers.CalciteSqlParser;

/**
 * Runs SQL over segments with Pinot's single-stage engine as a server and broker would: server plan and execution,
 * the DataTable wire round trip, and the broker's reduce.
 */
public final class SqlRunner implements AutoCloseable {
  private final ExecutorService _workers = Executors.newFixedThreadPool(2);
  private final BrokerMetrics _brokerMetrics = new BrokerMetrics(new NoopPinotMetricsRegistry());
  private final BrokerReduceService _reducer = new BrokerReduceService(new PinotConfiguration(
      Map.of(CommonConstants.Broker.CONFIG_OF_MAX_REDUCE_THREADS_PER_QUERY, 2)));

  /** The result rows; fails on any query exception. */
  public List<Object[]> rows(String sql, List<? extends IndexSegment> segments) throws Exception {
    BrokerResponseNative response = query(sql, segments);
    if (!response.getExceptions().isEmpty()) {
      throw new IllegalStateException("query failed: " + response.getExceptions());
    }
    return response.getResultTable().getRows();
  }

  public BrokerResponseNative query(String sql, List<? extends IndexSegment> segments) throws Exception {
    PinotQuery pinotQuery = CalciteSqlParser.compileToPinotQuery(sql);
    QueryContext queryContext = QueryContextConverterUtils.getQueryContext(pinotQuery);
    queryContext.setEndTimeMs(System.currentTimeMillis() + 30_000);
    List<SegmentContext> segmentContexts = new ArrayList<>();
    for (IndexSegment segment : segments) {
      segmentContexts.add(new SegmentContext(segment));
    }
    InstanceResponseBlock block = PinotVersionApi.executeOnServer(segmentContexts, queryContext, _workers);
    DataTable serverAnswer = DataTableFactory.getDataTable(block.toDataTable().toBytes());
    return PinotVersionApi.reduceOnBroker(_reducer, CalciteSqlCompiler.convertToBrokerRequest(pinotQuery),
        answers(serverAnswer), 30_000,
        _brokerMetrics);
  }

  /** A mutable map: the broker's reduce removes empty answers (a server without segments) from it. */
  private static Map<ServerRoutingInstance, DataTable> answers(DataTable serverAnswer) {
    Map<ServerRoutingInstance, DataTable> answers = new HashMap<>();
    answers.put(new ServerRoutingInstance("localhost", 8098, TableType.REALTIME), serverAnswer);
    return answers;
  }

  @Override
  public void close() {
    _reducer.shutDown();
    _workers.shutdownNow();
  }
}
