package org.apache.iggy.connector.pinot.harness;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import org.apache.commons.lang3.tuple.Pair;
import org.apache.helix.HelixManager;
import org.apache.helix.HelixManagerFactory;
import org.apache.helix.InstanceType;
import org.apache.helix.NotificationContext;
import org.apache.helix.model.Message;
import org.apache.helix.participant.statemachine.StateModel;
import org.apache.helix.participant.statemachine.StateModelFactory;
import org.apache.helix.participant.statemachine.StateModelInfo;
import org.apache.helix.participant.statemachine.Transition;
import org.apache.pinot.common.metadata.ZKMetadataProvider;
import org.apache.pinot.common.restlet.resources.SegmentErrorInfo;
import org.apache.pinot.core.data.manager.provider.DefaultTableDataManagerProvider;
import org.apache.pinot.core.data.manager.realtime.RealtimeConsumptionRateManager;
import org.apache.pinot.segment.local.data.manager.TableDataManager;
import org.apache.pinot.segment.local.utils.SegmentLocks;
import org.apache.pinot.segment.local.utils.SegmentReloadSemaphore;
import org.apache.pinot.segment.local.utils.ServerReloadJobStatusCache;
import org.apache.pinot.server.realtime.ServerSegmentCompletionProtocolHandler;
import org.apache.pinot.spi.config.table.TableConfig;
import org.apache.pinot.spi.env.PinotConfiguration;

/**
 * A Pinot server without pinot-server.jar: a Helix participant whose segment state transitions drive pinot-core's
 * real table and segment data managers, so consuming segments run Pinot's real ingestion and complete through the
 * real controller over HTTP. Only the state-model glue of pinot-server is written here; there is no query server.
 */
public final class MiniServer implements AutoCloseable {
  private final HelixManager _helix;
  private final DefaultTableDataManagerProvider _provider = new DefaultTableDataManagerProvider();
  private final Map<String, TableDataManager> _tables = new ConcurrentHashMap<>();
  private final List<Throwable> _errors = new CopyOnWriteArrayList<>();
  /** Where table data managers record segment errors (a consuming segment's stream error), as pinot-server keeps. */
  private final Cache<Pair<String, String>, SegmentErrorInfo> _segmentErrors = CacheBuilder.newBuilder().build();
  private final String _instanceId;
  /** The segment refresh executor the table data managers share, as pinot-server has one. */
  private final ExecutorService _segmentRefresh = Executors.newSingleThreadExecutor();

  public MiniServer(String cluster, String zkUrl, String instanceId, File dataDir) throws Exception {
    _instanceId = instanceId;
    ServerStatics.init(EventsTable.REALTIME);
    ServerSegmentCompletionProtocolHandler.init(new PinotConfiguration(Map.of(), Map.of()));
    _helix = HelixManagerFactory.getZKHelixManager(cluster, instanceId, InstanceType.PARTICIPANT, zkUrl);
    _helix.getStateMachineEngine().registerStateModelFactory("SegmentOnlineOfflineStateModel",
        new StateModelFactory<StateModel>() {
          @Override
          public StateModel createNewStateModel(String resourceName, String partitionName) {
            return new SegmentStates();
          }
        });
    _helix.getMessagingService().registerMessageHandlerFactory(Message.MessageType.USER_DEFINE_MSG.toString(),
        new ServerMessages(this::table));
    _provider.init(new ServerInstanceConfig(instanceId, dataDir.getAbsolutePath()), _helix, new SegmentLocks(), null,
        new ServerReloadJobStatusCache(instanceId));
    _helix.connect();
    _helix.getClusterManagmentTool().addInstanceTag(cluster, instanceId, "DefaultTenant_OFFLINE");
    _helix.getClusterManagmentTool().addInstanceTag(cluster, instanceId, "DefaultTenant_REALTIME");
    ServerStatics.locateControllerLeaderWith(_helix);
    // pinot-server turns partition rate limits (topic.consumption.rate.limit) on once it is ready to serve; the
    // minimal server has no catch-up phase to wait for.
    RealtimeConsumptionRateManager.getInstance().enablePartitionRateLimiter();
  }

  /** The server's manager of a table, created from ZooKeeper on first use as the real server does. */
  public TableDataManager table(String tableNameWithType) {
    return _tables.computeIfAbsent(tableNameWithType, name -> {
      TableConfig tableConfig = ZKMetadataProvider.getTableConfig(_helix.getHelixPropertyStore(), name);
      TableDataManager manager = _provider.getTableDataManager(tableConfig,
          ZKMetadataProvider.getTableSchema(_helix.getHelixPropertyStore(), tableConfig), new SegmentReloadSemaphore(1),
          _segmentRefresh, null, _segmentErrors, () -> true, false,
          new ServerReloadJobStatusCache(_instanceId));
      manager.start();
      return manager;
    });
  }

  /** Failures of state transitions, which Helix alone would only log. */
  public List<Throwable> errors() {
    return _errors;
  }

  @Override
  public void close() {
    _helix.disconnect();
    _tables.values().forEach(TableDataManager::shutDown);
    _segmentRefresh.shutdownNow();
  }

  private interface Step {
    void run() throws Exception;
  }

  /** pinot-server's segment state model, reduced to what a single replica needs. */
  @StateModelInfo(states = "{'OFFLINE','ONLINE','CONSUMING','DROPPED'}", initialState = "OFFLINE")
  public final class SegmentStates extends StateModel {
    private void guard(Step step) {
      try {
        step.run();
      } catch (Exception e) {
        _errors.add(e);
        throw new IllegalStateException(e);
      }
    }

    @Transition(from = "OFFLINE", to = "CONSUMING")
    public void offlineToConsuming(Message message, NotificationContext context) {
      guard(() -> table(message.getResourceName()).addConsumingSegment(message.getPartitionName()));
    }

    /**
     * As pinot-server 1.5 does: adding the segment ONLINE takes the segment's lock, which the consuming segment holds
     * while it builds and commits. With pauseless consumption the controller moves a segment to ONLINE at commit
     * start, so the transition must wait for the commit rather than stop the segment in the middle of its build.
     */
    @Transition(from = "CONSUMING", to = "ONLINE")
    public void consumingToOnline(Message message, NotificationContext context) {
      guard(() -> table(message.getResourceName()).addOnlineSegment(message.getPartitionName()));
    }

    @Transition(from = "CONSUMING", to = "OFFLINE")
    public void consumingToOffline(Message message, NotificationContext context) {
      guard(() -> {
        table(message.getResourceName()).onConsumingToOffline(message.getPartitionName());
        table(message.getResourceName()).offloadSegment(message.getPartitionName());
      });
    }

    @Transition(from = "OFFLINE", to = "ONLINE")
    public void offlineToOnline(Message message, NotificationContext context) {
      guard(() -> table(message.getResourceName()).addOnlineSegment(message.getPartitionName()));
    }

    @Transition(from = "ONLINE", to = "OFFLINE")
    public void onlineToOffline(Message message, NotificationContext context) {
      guard(() -> table(message.getResourceName()).offloadSegment(message.getPartitionName()));
    }

    @Transition(from = "OFFLINE", to = "DROPPED")
    public void offlineToDropped(Message message, NotificationContext context) {
    }
  }
}
