package org.apache.iggy.connector.pinot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IggyResourceIdTest {

  @Test
  void digitsAreANumericId() {
    IggyResourceId id = IggyResourceId.parse(" 42 ");

    assertThat(id.isNumeric()).isTrue();
    assertThat(id.numericId()).isEqualTo(42);
    assertThat(id).hasToString("#42");
  }

  @Test
  void anythingElseIsAName() {
    IggyResourceId id = IggyResourceId.parse("user-events");

    assertThat(id.isNumeric()).isFalse();
    assertThat(id.name()).isEqualTo("user-events");
    assertThat(id).hasToString("'user-events'");
    assertThat(IggyResourceId.parse("-1").name()).isEqualTo("-1");
    assertThat(IggyResourceId.parse("événements").name()).isEqualTo("événements");
  }

  @Test
  void acceptsTheLargestU32() {
    assertThat(IggyResourceId.parse("4294967295").numericId()).isEqualTo(4_294_967_295L);
  }

  @Test
  void rejectsBlankHugeAndOverlongValues() {
    assertThatThrownBy(() -> IggyResourceId.parse("  ")).hasMessage("must not be empty");
    assertThatThrownBy(() -> IggyResourceId.parse("4294967296"))
        .hasMessage("numeric id 4294967296 is above 4294967295");
    assertThatThrownBy(() -> IggyResourceId.parse("123456789012345678901234567890"))
        .hasMessageContaining("is above 4294967295");
    assertThatThrownBy(() -> IggyResourceId.parse("x".repeat(256))).hasMessage("name is longer than 255 bytes");
  }
}
