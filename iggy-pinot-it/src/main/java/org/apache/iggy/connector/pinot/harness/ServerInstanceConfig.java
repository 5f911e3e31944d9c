package org.apache.iggy.connector.pinot.harness;

import java.util.Map;
import org.apache.pinot.spi.config.instance.InstanceDataManagerConfig;
import org.apache.pinot.spi.env.PinotConfiguration;
import org.apache.pinot.spi.utils.ReadMode;

/** A Pinot server's data-manager settings with the server's defaults (pinot-server itself is not published). */
final class ServerInstanceConfig implements InstanceDataManagerConfig {
  private final String _instanceId;
  private final String _dataDir;

  ServerInstanceConfig(String instanceId, String dataDir) {
    _instanceId = instanceId;
    _dataDir = dataDir;
  }

  /** Built from explicit empty maps: the no-argument form would fold in every environment variable. */
  private static PinotConfiguration none() {
    return new PinotConfiguration(Map.of(), Map.of());
  }

  @Override
  public PinotConfiguration getConfig() {
    return none();
  }

  @Override
  public String getInstanceId() {
    return _instanceId;
  }

  @Override
  public String getInstanceDataDir() {
    return _dataDir;
  }

  @Override
  public String getConsumerDir() {
    return null;
  }

  @Override
  public String getInstanceSegmentTarDir() {
    return _dataDir + "/tar";
  }

  @Override
  public String getTableDataManagerProviderClass() {
    return null;
  }

  @Override
  public String getSegmentStoreUri() {
    return null;
  }

  @Override
  public String getConsumerClientIdSuffix() {
    return null;
  }

  @Override
  public ReadMode getReadMode() {
    return ReadMode.mmap;
  }

  @Override
  public String getSegmentFormatVersion() {
    return null;
  }

  @Override
  public String getAvgMultiValueCount() {
    return null;
  }

  @Override
  public boolean isRealtimeOffHeapAllocation() {
    return true;
  }

  @Override
  public boolean isDirectRealtimeOffHeapAllocation() {
    return false;
  }

  @Override
  public boolean shouldReloadConsumingSegment() {
    return true;
  }

  @Override
  public int getMaxParallelRefreshThreads() {
    return 1;
  }

  @Override
  public boolean isAsyncSegmentRefreshEnabled() {
    return false;
  }

  @Override
  public int getMaxSegmentPreloadThreads() {
    return 0;
  }

  @Override
  public int getMaxParallelSegmentBuilds() {
    return 0;
  }

  @Override
  public int getMaxParallelSegmentDownloads() {
    return 0;
  }

  @Override
  public String getSegmentDirectoryLoader() {
    return "default";
  }

  @Override
  public long getErrorCacheSize() {
    return 100;
  }

  @Override
  public boolean isStreamSegmentDownloadUntar() {
    return false;
  }

  @Override
  public long getStreamSegmentDownloadUntarRateLimit() {
    return -1;
  }

  @Override
  public int getDeletedTablesCacheTtlMinutes() {
    return 60;
  }

  @Override
  public int getDeletedSegmentsCacheSize() {
    return 10_000;
  }

  @Override
  public int getDeletedSegmentsCacheTtlMinutes() {
    return 2;
  }

  @Override
  public String getSegmentPeerDownloadScheme() {
    return null;
  }

  @Override
  public PinotConfiguration getUpsertConfig() {
    return none();
  }

  @Override
  public PinotConfiguration getDedupConfig() {
    return none();
  }

  /** No auth: an empty-but-present auth config makes Pinot demand an auth provider. */
  @Override
  public PinotConfiguration getAuthConfig() {
    return null;
  }

  @Override
  public Map<String, Map<String, String>> getTierConfigs() {
    return Map.of();
  }

  @Override
  public boolean isUploadSegmentToDeepStore() {
    return false;
  }

  @Override
  public boolean shouldCheckCRCOnSegmentLoad() {
    return false;
  }

  @Override
  public boolean isDimensionTablePreloadDisabled() {
    return false;
  }
}
