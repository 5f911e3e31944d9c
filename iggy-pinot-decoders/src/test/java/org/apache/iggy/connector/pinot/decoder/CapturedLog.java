package org.apache.iggy.connector.pinot.decoder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Captures the formatted log lines of one logger while a test runs. */
final class CapturedLog extends AbstractAppender implements AutoCloseable {
  private final List<String> _lines = new CopyOnWriteArrayList<>();
  private final org.apache.logging.log4j.core.Logger _logger;

  CapturedLog(Class<?> loggerOf) {
    super("captured-" + loggerOf.getSimpleName(), null, null, true, Property.EMPTY_ARRAY);
    _logger = (org.apache.logging.log4j.core.Logger) LogManager.getLogger(loggerOf);
    start();
    _logger.addAppender(this);
    ((LoggerContext) LogManager.getContext(false)).updateLoggers();
  }

  @Override
  public void append(LogEvent event) {
    _lines.add(event.getMessage().getFormattedMessage());
  }

  List<String> lines() {
    return _lines;
  }

  @Override
  public void close() {
    _logger.removeAppender(this);
    stop();
  }
}
