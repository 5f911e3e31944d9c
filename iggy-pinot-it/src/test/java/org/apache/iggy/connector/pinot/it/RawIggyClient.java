package org.apache.iggy.connector.pinot.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Speaks Iggy 0.8's TCP protocol over a plain socket to send what the SDK cannot: messages whose user-header bytes
 * are whatever a test says, malformed ones included (the 0.8 server stores them unchecked). Login and SendMessages
 * only; works against the test server and a real iggy-server alike.
 */
public final class RawIggyClient implements AutoCloseable {
  private static final int LOGIN_USER = 38;
  private static final int SEND_MESSAGES = 101;
  private static final int MESSAGE_HEADER_BYTES = 64;
  private final Socket _socket;
  private final DataInputStream _in;

  /**
   * One message as sent.
   *
   * @param payload its payload
   * @param userHeaders the user-headers blob, sent byte for byte
   */
  public record RawMessage(byte[] payload, byte[] userHeaders) {
  }

  private RawIggyClient(Socket socket) throws IOException {
    _socket = socket;
    _in = new DataInputStream(socket.getInputStream());
  }

  /** Connects and logs in. */
  public static RawIggyClient connect(String host, int port, String username, String password) {
    try {
      RawIggyClient client = new RawIggyClient(new Socket(host, port));
      byte[] user = username.getBytes(StandardCharsets.UTF_8);
      byte[] secret = password.getBytes(StandardCharsets.UTF_8);
      ByteBuffer login = little(2 + user.length + secret.length + 8).put((byte) user.length).put(user)
          .put((byte) secret.length).put(secret).putInt(0).putInt(0);
      client.exchange(LOGIN_USER, login.array());
      return client;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends one batch to a partition (by stream and topic name); throws when the server answers with an error. */
  public void send(String stream, String topic, int partition, List<RawMessage> messages) {
    byte[] streamName = stream.getBytes(StandardCharsets.UTF_8);
    byte[] topicName = topic.getBytes(StandardCharsets.UTF_8);
    int metadataLength = 2 + streamName.length + 2 + topicName.length + 2 + 4 + 4;
    int area = 0;
    for (RawMessage message : messages) {
      area += MESSAGE_HEADER_BYTES + message.payload().length + message.userHeaders().length;
    }
    ByteBuffer out = little(4 + metadataLength + 16 * messages.size() + area).putInt(metadataLength)
        .put((byte) 2).put((byte) streamName.length).put(streamName)
        .put((byte) 2).put((byte) topicName.length).put(topicName)
        .put((byte) 2).put((byte) 4).putInt(partition)
        .putInt(messages.size());
    int end = 0;
    for (RawMessage message : messages) {
      end += MESSAGE_HEADER_BYTES + message.payload().length + message.userHeaders().length;
      out.putInt(0).putInt(end).putLong(0);
    }
    for (RawMessage message : messages) {
      // checksum, id (server-generated), offset, timestamp, origin timestamp: all 0; then the two lengths, reserved
      out.put(new byte[48]).putInt(message.userHeaders().length).putInt(message.payload().length).putLong(0)
          .put(message.payload()).put(message.userHeaders());
    }
    try {
      exchange(SEND_MESSAGES, out.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void exchange(int code, byte[] payload) throws IOException {
    _socket.getOutputStream().write(little(8 + payload.length).putInt(4 + payload.length).putInt(code).put(payload)
        .array());
    byte[] header = new byte[8];
    _in.readFully(header);
    ByteBuffer answer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    int status = answer.getInt();
    _in.readFully(new byte[answer.getInt()]);
    if (status != 0) {
      throw new IllegalStateException("Iggy answered command " + code + " with error " + status);
    }
  }

  private static ByteBuffer little(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public void close() {
    try {
      _socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
