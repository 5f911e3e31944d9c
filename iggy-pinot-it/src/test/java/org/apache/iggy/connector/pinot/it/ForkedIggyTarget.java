package org.apache.iggy.connector.pinot.it;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Iggy server of a test whose class path is Pinot's own (Pinot's Netty 4.1, no Iggy SDK, as on a Pinot server):
 * an {@link IggyTarget} in a child JVM ({@link IggyTargetMain}) on the class path given by the system property
 * {@code iggy.target.classpath}. The child inherits the environment, so {@code IGGY_TCP_ADDRESS} works here too.
 */
public final class ForkedIggyTarget implements AutoCloseable {
  private final Process _process;
  private final BufferedWriter _commands;
  private final BufferedReader _answers;
  private final IggyEndpoint _endpoint;

  private ForkedIggyTarget(Process process) throws IOException {
    _process = process;
    _commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    _answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String[] ready = answer().split(" ");
    if (!"ready".equals(ready[0]) || ready.length != 5) {
      throw new IllegalStateException("the Iggy target process did not start: " + String.join(" ", ready));
    }
    _endpoint = new IggyEndpoint(ready[1], Integer.parseInt(ready[2]), ready[3], ready[4]);
  }

  public static ForkedIggyTarget start() {
    String classpath = System.getProperty("iggy.target.classpath");
    if (classpath == null) {
      throw new IllegalStateException("system property iggy.target.classpath (the Iggy side's class path) is not set");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      return new ForkedIggyTarget(new ProcessBuilder(java, "-Xmx512m", "-cp", classpath,
          IggyTargetMain.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Iggy target process", e);
    }
  }

  public IggyEndpoint endpoint() {
    return _endpoint;
  }

  /** Creates a stream with a unique name and one topic in it; returns the stream name. */
  public String createTopic(String topic, int partitions) {
    return ok(request("topic " + topic + " " + partitions, List.of()));
  }

  /** Sends each payload (one line of text, e.g. JSON) as a message to the partition. */
  public void send(String stream, String topic, int partition, List<String> payloads) {
    ok(request("send " + stream + " " + topic + " " + partition + " " + payloads.size(), payloads));
  }

  public Map<String, String> streamConfig(String stream, String topic) {
    return _endpoint.streamConfig(stream, topic);
  }

  private String request(String command, List<String> lines) {
    try {
      _commands.write(command);
      _commands.newLine();
      for (String line : lines) {
        if (line.contains("\n") || line.contains("\r")) {
          throw new IllegalArgumentException("a payload sent to the Iggy target process must be one line: " + line);
        }
        _commands.write(line);
        _commands.newLine();
      }
      _commands.flush();
      return answer();
    } catch (IOException e) {
      throw new UncheckedIOException("the Iggy target process is gone", e);
    }
  }

  private String answer() throws IOException {
    String answer = _answers.readLine();
    if (answer == null) {
      throw new IllegalStateException("the Iggy target process ended (see its log above)");
    }
    return answer;
  }

  private static String ok(String answer) {
    if (answer.equals("ok")) {
      return "";
    }
    if (answer.startsWith("ok ")) {
      return answer.substring(3);
    }
    throw new IllegalStateException("the Iggy target process answered: " + answer);
  }

  @Override
  public void close() {
    try {
      _commands.close();
      if (!_process.waitFor(30, TimeUnit.SECONDS)) {
        _process.destroyForcibly();
      }
    } catch (IOException e) {
      _process.destroyForcibly();
    } catch (InterruptedException e) {
      _process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
