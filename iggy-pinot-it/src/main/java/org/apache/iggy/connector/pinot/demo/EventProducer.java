package org.apache.iggy.connector.pinot.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;

/** Produces sample events to every partition of a topic at a steady rate, in ten batches a second. */
final class EventProducer implements AutoCloseable {
  private static final int TICKS_PER_SECOND = 10;

  private final IggyTcpClient _client;
  private final StreamId _stream;
  private final TopicId _topic;
  private final int _partitions;
  private final int _eventsPerSecond;
  private final SampleEvents _events = new SampleEvents(42);
  private final ProducedEvents _produced;
  private final AtomicReference<RuntimeException> _failure = new AtomicReference<>();
  private final Thread _thread;
  private volatile boolean _running = true;

  EventProducer(IggyTcpClient client, String stream, String topic, int partitions, int eventsPerSecond) {
    _client = client;
    _stream = StreamId.of(stream);
    _topic = TopicId.of(topic);
    _partitions = partitions;
    _eventsPerSecond = eventsPerSecond;
    _produced = new ProducedEvents(partitions);
    _thread = new Thread(this::run, "demo-producer");
    _thread.setDaemon(true);
  }

  void start() {
    _thread.start();
  }

  ProducedEvents produced() {
    return _produced;
  }

  /** The error that stopped production, if any. */
  RuntimeException failure() {
    return _failure.get();
  }

  private void run() {
    long tickNanos = TimeUnit.SECONDS.toNanos(1) / TICKS_PER_SECOND;
    long next = System.nanoTime();
    long sent = 0;
    long ticks = 0;
    try {
      while (_running) {
        ticks++;
        long due = ticks * _eventsPerSecond / TICKS_PER_SECOND;
        sendBatch((int) (due - sent));
        sent = due;
        next += tickNanos;
        long sleep = next - System.nanoTime();
        if (sleep > 0) {
          TimeUnit.NANOSECONDS.sleep(sleep);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      _failure.set(e);
    }
  }

  private void sendBatch(int count) {
    long now = System.currentTimeMillis();
    for (int partition = 0; partition < _partitions; partition++) {
      int share = count / _partitions + (partition < count % _partitions ? 1 : 0);
      List<SampleEvents.SampleEvent> events = new ArrayList<>(share);
      List<Message> messages = new ArrayList<>(share);
      for (int i = 0; i < share; i++) {
        SampleEvents.SampleEvent event = _events.next(now);
        events.add(event);
        messages.add(Message.of(event.json()));
      }
      if (!messages.isEmpty()) {
        _client.messages().sendMessages(_stream, _topic, Partitioning.partitionId((long) partition), messages);
        for (SampleEvents.SampleEvent event : events) {
          _produced.add(partition, event);
        }
      }
    }
  }

  /** Stops producing; returns once the last batch is sent. */
  @Override
  public void close() throws InterruptedException {
    _running = false;
    _thread.join(TimeUnit.SECONDS.toMillis(10));
  }
}
