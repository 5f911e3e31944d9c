package org.apache.iggy.connector.pinot.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IggyCheckTest {
  @TempDir
  Path _dir;

  @Test
  void badUsageExitsTwoWithTheUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = IggyCheck.run(new String[0], System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--table-config is required", "usage: check");
  }

  @Test
  void aConfigThatIsNotATableConfigExitsOneWithoutLeakingItsSecrets() throws Exception {
    Path table = Files.writeString(_dir.resolve("table.json"), "{\"tableName\": \"events\", \"tableType\": "
        + "\"REALTIME\", \"stream.iggy.password\": \"hunter2-secret\", oops}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = IggyCheck.run(new String[] {"--table-config", table.toString()}, new PrintStream(out, true,
        StandardCharsets.UTF_8), System.err);

    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("cannot read " + table + " as a Pinot table config",
        "RESULT: FAILED").doesNotContain("hunter2-secret");
  }

  @Test
  void secretsAreMaskedWhereverTheyAppear() {
    assertThat(IggyCheck.redact("login with hunter22 failed", List.of("hunter22")))
        .isEqualTo("login with **** failed");
  }
}
