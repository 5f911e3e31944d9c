package org.apache.iggy.connector.pinot.client.tcp;

/**
 * An Iggy failure translated for Pinot.
 *
 * @param exception the Transient or Permanent consumer exception to throw
 * @param evictClient whether the client that saw it must be replaced (its connection or session is unusable)
 */
record ClassifiedError(RuntimeException exception, boolean evictClient) {
}
