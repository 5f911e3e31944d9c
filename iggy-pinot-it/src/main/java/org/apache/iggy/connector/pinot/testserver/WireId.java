package org.apache.iggy.connector.pinot.testserver;

/**
 * An Iggy identifier from a request: numeric or a name.
 *
 * @param numeric the numeric id, or -1 for a name
 * @param name the name, or null for a numeric id
 */
record WireId(long numeric, String name) {
  boolean isNumeric() {
    return name == null;
  }
}
