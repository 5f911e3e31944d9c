package org.apache.iggy.connector.pinot.demo;

import java.util.List;

/**
 * What the demo produced and what Pinot answered.
 *
 * @param rows {@code COUNT(*)} over every segment
 * @param eventsByType rows of {@link Demo#EVENTS_BY_TYPE}: event type, count
 * @param durationByDevice rows of {@link Demo#DURATION_BY_DEVICE}: device, average duration, count
 * @param latestEvents rows of {@link Demo#LATEST_EVENTS}
 */
public record DemoResult(ProducedEvents produced, long rows, List<Object[]> eventsByType,
    List<Object[]> durationByDevice, List<Object[]> latestEvents) {
}
