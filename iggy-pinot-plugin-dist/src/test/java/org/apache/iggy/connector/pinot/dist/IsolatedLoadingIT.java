package org.apache.iggy.connector.pinot.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the plugin jar the way Pinot's legacy plugin loader does (parent first) under a parent that already holds
 * Pinot 1.5.1's Netty 4.1, pinot-spi and slf4j, but none of our modules or the Iggy SDK.
 */
class IsolatedLoadingIT {
  private static URLClassLoader pinot;
  private static URLClassLoader plugin;

  @BeforeAll
  static void loaders() throws IOException {
    List<URL> parent = new ArrayList<>();
    try (Stream<Path> netty = Files.list(Path.of(System.getProperty("pinot.netty.dir")))) {
      for (Path jar : (Iterable<Path>) netty::iterator) {
        parent.add(jar.toUri().toURL());
      }
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (isPinotSideJar(entry)) {
        parent.add(Path.of(entry).toUri().toURL());
      }
    }
    pinot = new URLClassLoader("pinot", parent.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    plugin = new URLClassLoader("pinot-iggy", new URL[] {url(System.getProperty("plugin.jar"))}, pinot);
  }

  @AfterAll
  static void close() throws IOException {
    plugin.close();
    pinot.close();
  }

  /** pinot-spi and its own dependencies; never our modules, the Iggy SDK or the SDK's Netty 4.2. */
  private static boolean isPinotSideJar(String entry) {
    String path = entry.replace('\\', '/');
    return path.endsWith(".jar") && !path.contains("/io/netty/") && !path.contains("/org/apache/iggy/")
        && !path.contains("iggy-pinot-") && !path.contains("/tools/jackson/") && !path.contains("/org/junit/")
        && !path.contains("/org/assertj/");
  }

  private static URL url(String path) throws MalformedURLException {
    return Path.of(path).toUri().toURL();
  }

  @Test
  void theParentReallyHoldsPinotsNetty41AndNotOurClasses() throws Exception {
    Class<?> version = pinot.loadClass("io.netty.util.Version");
    @SuppressWarnings("unchecked")
    Map<String, Object> versions = (Map<String, Object>) version.getMethod("identify", ClassLoader.class)
        .invoke(null, pinot);
    assertThat(versions.values().toString()).contains("4.1.134");
    assertThatThrownBy(() -> pinot.loadClass("org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theFactoryInstantiatesFromThePluginJar() throws Exception {
    Class<?> factoryClass = plugin.loadClass("org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory");
    Object factory = factoryClass.getConstructor().newInstance();

    assertThat(factoryClass.getClassLoader()).isSameAs(plugin);
    assertThat(pinot.loadClass("org.apache.pinot.spi.stream.StreamConsumerFactory").isInstance(factory)).isTrue();
  }

  @Test
  void theJsonDecoderDecodesWithItsBundledJackson() throws Exception {
    Class<?> decoderClass = plugin.loadClass("org.apache.iggy.connector.pinot.decoder.IggyJsonMessageDecoder");
    Object decoder = decoderClass.getConstructor().newInstance();
    decoderClass.getMethod("init", Map.class, Set.class, String.class).invoke(decoder, Map.of(), Set.of(), "t");
    Class<?> rowClass = pinot.loadClass("org.apache.pinot.spi.data.readers.GenericRow");

    Object row = decoderClass.getMethod("decode", byte[].class, rowClass).invoke(decoder,
        "{\"userId\":\"u1\",\"duration\":15}".getBytes(StandardCharsets.UTF_8), rowClass.getConstructor()
            .newInstance());

    assertThat(rowClass.getMethod("getValue", String.class).invoke(row, "duration")).isEqualTo(15);
  }

  @Test
  void theRelocatedSdkAndNetty42RunNextToNetty41() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Class<?> clientClass = plugin.loadClass(
        "org.apache.iggy.connector.pinot.shaded.org.apache.iggy.client.async.tcp.AsyncIggyTcpClient");
    Object client = clientClass.getConstructor(String.class, int.class).newInstance("127.0.0.1", closedPort);
    Method connect = clientClass.getMethod("connect");
    Method close = clientClass.getMethod("close");
    CompletableFuture<?> connecting = (CompletableFuture<?>) connect
        .invoke(client);

    assertThatThrownBy(() -> connecting.get(10, TimeUnit.SECONDS))
        .hasStackTraceContaining("Connection refused");
    ((CompletableFuture<?>) close.invoke(client)).get(10, TimeUnit.SECONDS);
    Class<?> channel = plugin.loadClass("org.apache.iggy.connector.pinot.shaded.io.netty.channel.Channel");
    assertThat(channel.getClassLoader()).isSameAs(plugin);
  }
}
