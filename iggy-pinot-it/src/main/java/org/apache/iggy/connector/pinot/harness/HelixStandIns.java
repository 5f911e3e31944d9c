package org.apache.iggy.connector.pinot.harness;

import org.apache.helix.HelixManager;
import org.apache.helix.HelixManagerFactory;
import org.apache.helix.InstanceType;
import org.apache.helix.NotificationContext;
import org.apache.helix.model.Message;
import org.apache.helix.participant.statemachine.StateModel;
import org.apache.helix.participant.statemachine.StateModelFactory;
import org.apache.helix.participant.statemachine.StateModelInfo;
import org.apache.helix.participant.statemachine.Transition;

/**
 * Helix participants that stand in for a Pinot broker and for a server that accepts segment assignments without
 * consuming (the real ones live in pinot-broker and pinot-server). Pinot needs instances with the default tenant tags
 * before it creates a table.
 */
public final class HelixStandIns {
  private HelixStandIns() {
  }

  public static HelixManager broker(String cluster, String zkUrl, String instanceId) throws Exception {
    return join(cluster, zkUrl, instanceId, "BrokerResourceOnlineOfflineStateModel", new AcceptAll(),
        "DefaultTenant_BROKER");
  }

  public static HelixManager idleServer(String cluster, String zkUrl, String instanceId) throws Exception {
    return join(cluster, zkUrl, instanceId, "SegmentOnlineOfflineStateModel", new AcceptAll(),
        "DefaultTenant_OFFLINE", "DefaultTenant_REALTIME");
  }

  static HelixManager join(String cluster, String zkUrl, String instanceId, String stateModel,
      StateModelFactory<? extends StateModel> factory, String... tags) throws Exception {
    HelixManager participant = HelixManagerFactory.getZKHelixManager(cluster, instanceId,
        InstanceType.PARTICIPANT, zkUrl);
    participant.getStateMachineEngine().registerStateModelFactory(stateModel, factory);
    participant.connect();
    for (String tag : tags) {
      participant.getClusterManagmentTool().addInstanceTag(cluster, instanceId, tag);
    }
    return participant;
  }

  /** Accepts every transition without doing anything. */
  private static final class AcceptAll extends StateModelFactory<StateModel> {
    @Override
    public StateModel createNewStateModel(String resourceName, String partitionName) {
      return new Accepting();
    }
  }

  /** A state model that takes every segment and broker-resource transition and does nothing. */
  @StateModelInfo(states = "{'OFFLINE','ONLINE','CONSUMING','DROPPED'}", initialState = "OFFLINE")
  public static final class Accepting extends StateModel {
    @Transition(from = "OFFLINE", to = "CONSUMING")
    public void offlineToConsuming(Message message, NotificationContext context) {
    }

    @Transition(from = "CONSUMING", to = "ONLINE")
    public void consumingToOnline(Message message, NotificationContext context) {
    }

    @Transition(from = "CONSUMING", to = "OFFLINE")
    public void consumingToOffline(Message message, NotificationContext context) {
    }

    @Transition(from = "OFFLINE", to = "ONLINE")
    public void offlineToOnline(Message message, NotificationContext context) {
    }

    @Transition(from = "ONLINE", to = "OFFLINE")
    public void onlineToOffline(Message message, NotificationContext context) {
    }

    @Transition(from = "OFFLINE", to = "DROPPED")
    public void offlineToDropped(Message message, NotificationContext context) {
    }
  }
}
