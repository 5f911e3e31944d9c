package org.apache.iggy.connector.pinot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Opens the built plugin jar and archive and checks what Pinot's plugins folder will get. */
class ShadedJarContentIT {
  private static final String OURS = "org/apache/iggy/connector/pinot/";
  private static final String SHADED = OURS + "shaded/";
  /** Third-party packages that must only appear relocated; a match preceded by '/' is a relocated name. */
  private static final Pattern UNRELOCATED = Pattern.compile("(?<![\\w/$])(io/netty/|tools/jackson/|"
      + "com/fasterxml/jackson/|org/apache/commons/lang3/|org/apache/hc/|reactor/core/|reactor/netty/|"
      + "javax/annotation/(?!processing/)|edu/umd/cs/findbugs/|org/apache/iggy/(?!connector/pinot/))");
  private static final String VERSION = System.getProperty("project.version");

  private static Path pluginJar() {
    return Path.of(System.getProperty("plugin.jar"));
  }

  @Test
  void everyClassIsOursOrRelocatedUnderOurPrefix() throws IOException {
    List<String> outside = new ArrayList<>();
    int classes = 0;
    try (ZipFile jar = new ZipFile(pluginJar().toFile())) {
      for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class")) {
          classes++;
          if (!name.startsWith(OURS)) {
            outside.add(name);
          }
        }
      }
    }
    assertThat(classes).isGreaterThan(1000);
    assertThat(outside).as("classes outside %s", OURS).isEmpty();
  }

  @Test
  void noClassReferencesAnUnrelocatedThirdPartyPackage() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (ZipFile jar = new ZipFile(pluginJar().toFile())) {
      for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        try (InputStream in = jar.getInputStream(entry)) {
          Matcher matcher = UNRELOCATED.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
          if (matcher.find()) {
            offenders.add(entry.getName() + " -> " + matcher.group(1));
          }
        }
      }
    }
    assertThat(offenders).as("classes referencing unrelocated packages").isEmpty();
  }

  @Test
  void servicesAreKeptAndNativeLibrariesSignaturesAndModuleInfoAreLeftOut() throws IOException {
    try (ZipFile jar = new ZipFile(pluginJar().toFile())) {
      ZipEntry service = jar.getEntry("META-INF/services/org.apache.pinot.spi.stream.StreamConsumerFactory");
      assertThat(service).as("StreamConsumerFactory service file").isNotNull();
      try (InputStream in = jar.getInputStream(service)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
            .isEqualTo("org.apache.iggy.connector.pinot.consumer.IggyConsumerFactory");
      }
      List<String> forbidden = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        if (name.startsWith("META-INF/native/") || name.matches("META-INF/[^/]+\\.(SF|DSA|RSA)")
            || name.endsWith("module-info.class") || name.startsWith("org/slf4j/") || name.startsWith(
            "org/apache/pinot/") || name.startsWith("io/netty/")) {
          forbidden.add(name);
        }
      }
      assertThat(forbidden).isEmpty();
      assertThat(jar.getEntry("org/apache/iggy/connector/pinot/decoder/IggyJsonMessageDecoder.class")).isNotNull();
      assertThat(jar.getEntry(SHADED + "io/netty/channel/Channel.class")).isNotNull();
    }
  }

  @Test
  void thePluginDirectoryHoldsTheJarAndTheRealmProperties() throws IOException {
    Path dir = Path.of(System.getProperty("plugin.dir"));
    assertThat(dir.getFileName()).hasToString("pinot-iggy");
    assertThat(dir.resolve("pinot-iggy-" + VERSION + "-shaded.jar")).isRegularFile();
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(dir.resolve("pinot-plugin.properties"))) {
      properties.load(in);
    }
    assertThat(properties).containsEntry("parent.realmId", "pinot");
  }

  @Test
  void theArchiveUnpacksToThePluginDirectory() throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(Path.of(
        System.getProperty("plugin.archive")))))) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
        long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).replace("\0", "").trim(),
            8);
        if (header[156] == '0' || header[156] == 0) {
          names.add(name);
        }
        in.skipNBytes((size + 511) / 512 * 512);
      }
    }
    assertThat(names).containsExactlyInAnyOrder("pinot-iggy/pinot-iggy-" + VERSION + "-shaded.jar",
        "pinot-iggy/pinot-plugin.properties");
  }
}
