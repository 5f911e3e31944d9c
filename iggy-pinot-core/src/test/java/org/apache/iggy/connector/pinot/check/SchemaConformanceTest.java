package org.apache.iggy.connector.pinot.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.pinot.spi.data.DimensionFieldSpec;
import org.apache.pinot.spi.data.FieldSpec;
import org.apache.pinot.spi.data.Schema;
import org.apache.pinot.spi.data.readers.GenericRow;
import org.junit.jupiter.api.Test;

class SchemaConformanceTest {
  private static final FieldSpec LONG = new DimensionFieldSpec("duration", FieldSpec.DataType.LONG, true);
  private static final FieldSpec TAGS = new DimensionFieldSpec("tags", FieldSpec.DataType.INT, false);

  @Test
  void valuesPinotConvertsAreAccepted() {
    assertThat(SchemaConformance.mismatch(LONG, 15)).isNull();
    assertThat(SchemaConformance.mismatch(LONG, "15")).isNull();
    assertThat(SchemaConformance.mismatch(TAGS, List.of(1, "2"))).isNull();
    assertThat(SchemaConformance.mismatch(new DimensionFieldSpec("name", FieldSpec.DataType.STRING, true),
        12.5)).isNull();
  }

  @Test
  void valuesPinotCannotStoreAreNamed() {
    assertThat(SchemaConformance.mismatch(LONG, "forever")).isEqualTo("'forever' is not a valid LONG");
    assertThat(SchemaConformance.mismatch(LONG, List.of(1, 2))).contains("a list", "single-value LONG");
    assertThat(SchemaConformance.mismatch(LONG, Map.of("a", 1))).isEqualTo("an object, but the field is LONG");
    assertThat(SchemaConformance.mismatch(TAGS, new Object[] {1, "x"})).isEqualTo("'x' is not a valid INT");
  }

  @Test
  void missingFieldsAndMismatchesAreCountedPerMessage() {
    Schema schema = new Schema.SchemaBuilder().setSchemaName("events").addField(LONG).addField(TAGS).build();
    SampleReport report = new SampleReport();
    GenericRow row = new GenericRow();
    row.putValue("duration", "long");

    SchemaConformance.check(row, schema, 7, report);

    assertThat(report.missingFields()).containsEntry("tags", 1);
    assertThat(report.typeMismatches()).containsExactly(new SampleReport.Finding(7,
        "duration: 'long' is not a valid LONG"));
    assertThat(report.ok()).isFalse();
  }
}
