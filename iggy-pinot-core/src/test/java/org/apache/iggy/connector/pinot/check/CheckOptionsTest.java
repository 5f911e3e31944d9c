package org.apache.iggy.connector.pinot.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckOptionsTest {
  @TempDir
  Path _dir;

  @Test
  void readsEveryOption() throws Exception {
    Path table = Files.writeString(_dir.resolve("table.json"), "{}");
    Path schema = Files.writeString(_dir.resolve("schema.json"), "{}");

    CheckOptions options = CheckOptions.parse("--table-config", table.toString(), "--schema", schema.toString(),
        "--sample", "3", "--json");

    assertThat(options).isEqualTo(new CheckOptions(table, schema, 3, true));
    assertThat(CheckOptions.parse("--table-config", table.toString()).sample()).isEqualTo(10);
  }

  @Test
  void badUsageSaysWhatIsWrong() throws Exception {
    Path table = Files.writeString(_dir.resolve("table.json"), "{}");

    assertThatThrownBy(CheckOptions::parse).hasMessage("--table-config is required");
    assertThatThrownBy(() -> CheckOptions.parse("--table-config")).hasMessage("--table-config needs a value");
    assertThatThrownBy(() -> CheckOptions.parse("--table-config", _dir.toString()))
        .hasMessageContaining("cannot read file");
    assertThatThrownBy(() -> CheckOptions.parse("--table-config", table.toString(), "--sample", "-1"))
        .hasMessageContaining("--sample takes a number of messages from 0 to 10000");
    assertThatThrownBy(() -> CheckOptions.parse("--table-config", table.toString(), "--verbose", "x"))
        .hasMessage("unknown option --verbose");
  }
}
