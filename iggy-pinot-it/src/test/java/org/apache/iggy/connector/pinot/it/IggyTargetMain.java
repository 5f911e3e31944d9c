package org.apache.iggy.connector.pinot.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.iggy.message.Message;

/**
 * Runs an {@link IggyTarget} (the test server, or the real server named by {@code IGGY_TCP_ADDRESS}) for a parent
 * JVM that has no Iggy SDK on its class path ({@link ForkedIggyTarget}). It reads one command per line on stdin and
 * answers one line on stdout; logs go to stderr. It stops when stdin ends.
 *
 * <ul>
 *   <li>at start it answers {@code ready HOST PORT USERNAME PASSWORD}
 *   <li>{@code topic TOPIC PARTITIONS}: creates a new stream with that topic, answers {@code ok STREAM}
 *   <li>{@code send STREAM TOPIC PARTITION COUNT}, then COUNT payload lines: sends them, answers {@code ok}
 * </ul>
 * A command that fails is answered {@code error MESSAGE}.
 */
public final class IggyTargetMain {
  private IggyTargetMain() {
  }

  public static void main(String[] args) throws IOException {
    PrintStream answers = System.out;
    // Before anything logs: the console appender then writes to stderr and stdout carries only answers.
    System.setOut(System.err);
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (IggyTarget iggy = IggyTarget.start()) {
      IggyEndpoint endpoint = iggy.endpoint();
      answers.println("ready " + endpoint.host() + " " + endpoint.port() + " " + endpoint.username() + " "
          + endpoint.password());
      answers.flush();
      for (String line = commands.readLine(); line != null; line = commands.readLine()) {
        answers.println(answer(iggy, line.split(" "), commands));
        answers.flush();
      }
    }
  }

  private static String answer(IggyTarget iggy, String[] command, BufferedReader commands) throws IOException {
    try {
      switch (command[0]) {
        case "topic":
          return "ok " + iggy.createTopic(command[1], Integer.parseInt(command[2]));
        case "send":
          int count = Integer.parseInt(command[4]);
          List<Message> messages = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            messages.add(Message.of(commands.readLine()));
          }
          iggy.send(command[1], command[2], Integer.parseInt(command[3]), messages);
          return "ok";
        default:
          return "error unknown command " + command[0];
      }
    } catch (RuntimeException e) {
      return "error " + String.valueOf(e.getMessage()).replaceAll("\\R", " ");
    }
  }
}
