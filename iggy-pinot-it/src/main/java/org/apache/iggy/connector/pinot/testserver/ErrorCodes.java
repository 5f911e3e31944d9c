package org.apache.iggy.connector.pinot.testserver;

/** The numeric error codes of Iggy server 0.8 ({@code core/common/src/error/iggy_error.rs}) that the double sends. */
public final class ErrorCodes {
  public static final int ERROR = 1;
  public static final int INVALID_COMMAND = 3;
  public static final int INVALID_FORMAT = 4;
  public static final int DISCONNECTED = 8;
  public static final int RESOURCE_NOT_FOUND = 20;
  public static final int UNAUTHENTICATED = 40;
  public static final int UNAUTHORIZED = 41;
  public static final int INVALID_CREDENTIALS = 42;
  public static final int INVALID_USERNAME = 43;
  public static final int INVALID_PASSWORD = 44;
  public static final int USER_INACTIVE = 47;
  public static final int PERSONAL_ACCESS_TOKEN_EXPIRED = 54;
  public static final int STREAM_ID_NOT_FOUND = 1009;
  public static final int STREAM_NAME_ALREADY_EXISTS = 1012;
  public static final int TOPIC_ID_NOT_FOUND = 2010;
  public static final int TOPIC_NAME_ALREADY_EXISTS = 2013;
  public static final int TOO_MANY_PARTITIONS = 2015;
  public static final int INVALID_PARTITIONS_COUNT = 2019;
  public static final int PARTITION_NOT_FOUND = 3007;
  public static final int CONSUMER_OFFSET_NOT_FOUND = 3021;
  public static final int NOT_RESOLVED_CONSUMER = 3022;
  public static final int INVALID_MESSAGES_COUNT = 4009;
  public static final int TOO_BIG_USER_HEADERS = 4017;
  public static final int NON_ZERO_OFFSET = 4031;
  public static final int NON_ZERO_TIMESTAMP = 4032;
  public static final int MISSING_INDEX = 4033;
  public static final int INVALID_MESSAGES_SIZE = 4036;
  public static final int TOO_SMALL_MESSAGE = 4037;
  public static final int INVALID_OFFSET = 4100;
  public static final int CONSUMER_GROUP_ID_NOT_FOUND = 5000;
  public static final int CONSUMER_GROUP_NAME_ALREADY_EXISTS = 5004;
  public static final int CONSUMER_GROUP_MEMBER_NOT_FOUND = 5006;

  private ErrorCodes() {
  }
}
