package org.apache.iggy.connector.pinot.harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.helix.HelixManager;
import org.apache.pinot.common.metadata.ZKMetadataProvider;
import org.apache.pinot.common.metadata.segment.SegmentZKMetadata;
import org.apache.pinot.common.utils.ZkStarter;
import org.apache.pinot.controller.ControllerStarter;
import org.apache.pinot.spi.env.PinotConfiguration;
import org.apache.pinot.spi.utils.NetUtils;

/**
 * Pinot's real controller ({@code ControllerStarter}) with an embedded ZooKeeper, in this JVM, plus Helix
 * participants tagged as the default broker and server tenants so that tables can be created.
 */
public final class EmbeddedController implements AutoCloseable {
  public static final String CLUSTER = "IggyPinotIt";
  private final ZkStarter.ZookeeperInstance _zookeeper;
  private final ControllerStarter _controller;
  private final int _port;
  private final Path _workDir;
  private final List<HelixManager> _participants;
  /** The controller's Grizzly server needs HTTP/1.1: the JDK client's h2c upgrade makes it time out on bodies. */
  private final HttpClient _http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A controller with a stand-in broker and an idle stand-in server (segments are assigned but never consumed). */
  public EmbeddedController(Path workDir) throws Exception {
    this(workDir, true);
  }

  /**
   * @param idleServer whether to join an idle stand-in server; leave it out when a real {@link MiniServer} joins, or
   *     Pinot would assign part of the partitions to the idle one
   */
  public EmbeddedController(Path workDir, boolean idleServer) throws Exception {
    _workDir = workDir;
    _zookeeper = ZkStarter.startLocalZkServer(NetUtils.findOpenPort(21810), workDir.resolve("zk").toString());
    _port = NetUtils.findOpenPort(19000);
    Map<String, Object> config = new HashMap<>();
    config.put("controller.zk.str", _zookeeper.getZkUrl());
    config.put("controller.helix.cluster.name", CLUSTER);
    config.put("controller.host", "localhost");
    config.put("controller.port", _port);
    config.put("controller.data.dir", workDir.resolve("deep-store").toString());
    config.put("controller.local.temp.dir", workDir.resolve("controller-tmp").toString());
    config.put("controller.disable.ingestion.groovy", true);
    config.put("controller.swagger.enable", false);
    config.put("pinot.timezone", "UTC");
    _controller = new ControllerStarter();
    _controller.init(new PinotConfiguration(config));
    _controller.start();
    _participants = idleServer
        ? List.of(HelixStandIns.broker(CLUSTER, _zookeeper.getZkUrl(), "Broker_localhost_18099"),
            HelixStandIns.idleServer(CLUSTER, _zookeeper.getZkUrl(), "Server_localhost_18098"))
        : List.of(HelixStandIns.broker(CLUSTER, _zookeeper.getZkUrl(), "Broker_localhost_18099"));
  }

  public String zkUrl() {
    return _zookeeper.getZkUrl();
  }

  /** The directory this controller works in; a minimal server may keep its data under it. */
  public Path workDir() {
    return _workDir;
  }

  public int port() {
    return _port;
  }

  public HttpResponse<String> postJson(String path, String json) throws Exception {
    return _http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + _port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws Exception {
    return _http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + _port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The segments ZooKeeper holds for a REALTIME table. */
  public List<SegmentZKMetadata> segments(String tableNameWithType) {
    return ZKMetadataProvider.getSegmentsZKMetadata(_controller.getHelixResourceManager().getPropertyStore(),
        tableNameWithType);
  }

  public ControllerStarter controller() {
    return _controller;
  }

  @Override
  public void close() {
    _participants.forEach(HelixManager::disconnect);
    _controller.stop();
    ZkStarter.stopLocalZkServer(_zookeeper);
  }
}
