package org.apache.iggy.connector.pinot.harness;

import java.util.function.Function;
import org.apache.helix.NotificationContext;
import org.apache.helix.messaging.handling.HelixTaskResult;
import org.apache.helix.messaging.handling.MessageHandler;
import org.apache.helix.messaging.handling.MessageHandlerFactory;
import org.apache.helix.model.Message;
import org.apache.pinot.common.messages.ForceCommitMessage;
import org.apache.pinot.core.data.manager.realtime.RealtimeSegmentDataManager;
import org.apache.pinot.segment.local.data.manager.SegmentDataManager;
import org.apache.pinot.segment.local.data.manager.TableDataManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's user-defined Helix messages to a server, reduced to the one the minimal server acts on: force
 * commit (sent by {@code pauseConsumption} and {@code forceCommit}), which makes each named consuming segment commit
 * what it has, as pinot-server does. Other messages (segment refresh, reload) are answered as handled without action,
 * since the minimal server has no query path they would refresh; they are logged.
 */
final class ServerMessages implements MessageHandlerFactory {
  private static final Logger LOG = LoggerFactory.getLogger(ServerMessages.class);
  private final Function<String, TableDataManager> _tables;

  ServerMessages(Function<String, TableDataManager> tables) {
    _tables = tables;
  }

  @Override
  public MessageHandler createHandler(Message message, NotificationContext context) {
    return new MessageHandler(message, context) {
      @Override
      public HelixTaskResult handleMessage() {
        if (ForceCommitMessage.FORCE_COMMIT_MSG_SUB_TYPE.equals(message.getMsgSubType())) {
          forceCommit(new ForceCommitMessage(message));
        } else {
          LOG.info("Minimal server: no action for message {}", message.getMsgSubType());
        }
        HelixTaskResult result = new HelixTaskResult();
        result.setSuccess(true);
        return result;
      }

      @Override
      public void onError(Exception e, ErrorCode code, ErrorType type) {
        LOG.error("Minimal server: message {} failed ({}, {})", message.getMsgSubType(), code, type, e);
      }
    };
  }

  private void forceCommit(ForceCommitMessage message) {
    TableDataManager table = _tables.apply(message.getTableName());
    for (String segmentName : message.getSegmentNames()) {
      SegmentDataManager segment = table.acquireSegment(segmentName);
      if (segment == null) {
        continue;
      }
      try {
        if (segment instanceof RealtimeSegmentDataManager) {
          ((RealtimeSegmentDataManager) segment).forceCommit();
        }
      } finally {
        table.releaseSegment(segment);
      }
    }
  }

  @Override
  public String getMessageType() {
    return Message.MessageType.USER_DEFINE_MSG.toString();
  }

  @Override
  public void reset() {
  }
}
