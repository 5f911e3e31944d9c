package org.apache.iggy.connector.pinot.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures every log line of the connector's packages at DEBUG and above, with stack traces, during a test. */
final class CapturedLogs extends AbstractAppender implements AutoCloseable {
  private static final String CONNECTOR = "org.apache.iggy.connector.pinot";
  private final List<String> _lines = new CopyOnWriteArrayList<>();
  private final LoggerContext _context = (LoggerContext) LogManager.getContext(false);
  private final LoggerConfig _logger;

  CapturedLogs() {
    super("captured-connector-logs", null, null, true, Property.EMPTY_ARRAY);
    start();
    Configuration configuration = _context.getConfiguration();
    _logger = new LoggerConfig(CONNECTOR, Level.DEBUG, true);
    _logger.addAppender(this, Level.DEBUG, null);
    configuration.addLogger(CONNECTOR, _logger);
    _context.updateLoggers();
  }

  @Override
  public void append(LogEvent event) {
    StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
    for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
      line.append(" | ").append(t);
    }
    _lines.add(line.toString());
  }

  List<String> lines() {
    return _lines;
  }

  @Override
  public void close() {
    _context.getConfiguration().removeLogger(CONNECTOR);
    _context.updateLoggers();
    stop();
  }
}
