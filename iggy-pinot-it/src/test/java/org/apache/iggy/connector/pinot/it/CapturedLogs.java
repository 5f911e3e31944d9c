package org.apache.iggy.connector.pinot.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line of the connector's packages at DEBUG and above, with stack traces, during a test; and of
 * further loggers (e.g. Pinot's) at their level.
 */
public final class CapturedLogs extends AbstractAppender implements AutoCloseable {
  private static final String CONNECTOR = "org.apache.iggy.connector.pinot";
  private final List<String> _lines = new CopyOnWriteArrayList<>();
  private final LoggerContext _context = (LoggerContext) LogManager.getContext(false);
  private final List<String> _loggers;

  public CapturedLogs() {
    this(Map.of());
  }

  /** @param more further logger names and the lowest level captured of each */
  public CapturedLogs(Map<String, Level> more) {
    super("captured-connector-logs", null, null, true, Property.EMPTY_ARRAY);
    start();
    Map<String, Level> loggers = new LinkedHashMap<>(more);
    loggers.put(CONNECTOR, Level.DEBUG);
    _loggers = List.copyOf(loggers.keySet());
    Configuration configuration = _context.getConfiguration();
    loggers.forEach((name, level) -> {
      LoggerConfig logger = new LoggerConfig(name, level, true);
      logger.addAppender(this, level, null);
      configuration.addLogger(name, logger);
    });
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

  public List<String> lines() {
    return _lines;
  }

  @Override
  public void close() {
    _loggers.forEach(_context.getConfiguration()::removeLogger);
    _context.updateLoggers();
    stop();
  }
}
