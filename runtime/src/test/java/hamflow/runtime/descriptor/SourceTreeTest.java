package hamflow.runtime.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceTreeTest {
  @Test
  void everyFieldAndListElementHasItsLine() {
    SourceTree tree = SourceTree.parse("d.yaml", """
        name: x
        model:
          layers:
            - type: a
              hidden: 3
            - type: b
        """);
    assertThat(tree.lineOf("name")).isEqualTo(1);
    assertThat(tree.lineOf("model.layers")).isEqualTo(3);
    assertThat(tree.lineOf("model.layers[1]")).isEqualTo(6);
    assertThat(tree.lineOf("model.layers[0].hidden")).isEqualTo(5);
    // A field that is absent points at its nearest enclosing section.
    assertThat(tree.lineOf("model.layers[1].hidden")).isEqualTo(6);
    assertThat(tree.lineOf("nowhere")).isZero();
  }

  @Test
  void jsonLinesToo() {
    SourceTree tree = SourceTree.parse("d.json", "{\n  \"a\": {\n    \"b\": 1\n  }\n}\n");
    assertThat(tree.lineOf("a.b")).isEqualTo(3);
  }

  @Test
  void duplicateKeysAreAnError() {
    assertThatThrownBy(() -> SourceTree.parse("d.yaml", "a: 1\na: 2\n"))
        .isInstanceOf(InvalidDescriptorException.class)
        .hasMessageContaining("line 2").hasMessageContaining("Duplicate");
  }

  @Test
  void emptyFileIsAnError() {
    assertThatThrownBy(() -> SourceTree.parse("d.yaml", ""))
        .isInstanceOf(InvalidDescriptorException.class).hasMessageContaining("empty");
  }
}
