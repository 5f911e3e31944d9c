package org.apache.iggy.connector.pinot.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The frame layer byte for byte, over a plain socket. */
class RawFramingTest {
  private static IggyTestServer server;

  @BeforeAll
  static void start() {
    server = IggyTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static byte[] frame(int code, byte[] payload) {
    return ByteBuffer.allocate(8 + payload.length).order(ByteOrder.LITTLE_ENDIAN).putInt(4 + payload.length)
        .putInt(code).put(payload).array();
  }

  private static int[] readHeader(DataInputStream in) throws IOException {
    byte[] header = new byte[8];
    in.readFully(header);
    ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    return new int[] {buffer.getInt(), buffer.getInt()};
  }

  private static byte[] login() {
    byte[] user = "iggy".getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(2 + 8 + 8).order(ByteOrder.LITTLE_ENDIAN).put((byte) 4).put(user).put((byte) 4)
        .put(user).putInt(0).putInt(0).array();
  }

  @Test
  void pingIsAnsweredWithAnEmptyOk() throws IOException {
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.getOutputStream().write(new byte[] {4, 0, 0, 0, 1, 0, 0, 0});
      byte[] answer = new byte[8];
      new DataInputStream(socket.getInputStream()).readFully(answer);

      assertThat(answer).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
    }
  }

  @Test
  void aCommandBeforeLoginIsUnauthenticatedWithAnEmptyBody() throws IOException {
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.getOutputStream().write(frame(201, new byte[0]));
      byte[] answer = new byte[8];
      new DataInputStream(socket.getInputStream()).readFully(answer);

      assertThat(answer).containsExactly(0x28, 0, 0, 0, 0, 0, 0, 0);
    }
  }

  @Test
  void badFramesAndUnknownCodesAreInvalidCommandAndTheConnectionGoesOn() throws IOException {
    try (Socket socket = new Socket(server.host(), server.port())) {
      OutputStream out = socket.getOutputStream();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      out.write(new byte[] {2, 0, 0, 0, 0, 0, 0, 0});
      assertThat(readHeader(in)).containsExactly(3, 0);

      out.write(frame(9999, new byte[0]));
      assertThat(readHeader(in)).containsExactly(3, 0);

      out.write(frame(38, login()));
      assertThat(readHeader(in)).containsExactly(0, 4);
      assertThat(Integer.reverseBytes(in.readInt())).as("root user id").isZero();
    }
  }

  @Test
  void requestsOnOneConnectionAreAnsweredInOrder() throws IOException {
    try (Socket socket = new Socket(server.host(), server.port())) {
      OutputStream out = socket.getOutputStream();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      out.write(frame(201, new byte[0]));
      out.write(frame(38, login()));
      out.write(frame(1, new byte[0]));

      assertThat(readHeader(in)).containsExactly(40, 0);
      assertThat(readHeader(in)).containsExactly(0, 4);
      in.readInt();
      assertThat(readHeader(in)).containsExactly(0, 0);
    }
  }

  @Test
  void aShutdownSendsTheUnsolicitedDisconnectedFrame() throws IOException {
    try (IggyTestServer own = IggyTestServer.start(); Socket socket = new Socket(own.host(), own.port())) {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      socket.getOutputStream().write(new byte[] {4, 0, 0, 0, 1, 0, 0, 0});
      assertThat(readHeader(in)).containsExactly(0, 0);

      own.sendDisconnected();

      assertThat(readHeader(in)).containsExactly(8, 0);
      assertThat(in.read()).isEqualTo(-1);
    }
  }
}
