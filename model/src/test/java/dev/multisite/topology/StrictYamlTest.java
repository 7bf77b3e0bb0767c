package dev.multisite.topology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stack file reader refuses what YAML allows but a loose reader gets wrong, with line and column. */
class StrictYamlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            alias                | a: &x 1\\nb: *x                 | f: line 1, column 4: anchor '&x' is not supported
            alias alone          | a: 1\\nb: *x                    | f: line 2, column 4: alias '*x' is not supported; write the value out in full
            merge key            | a: {b: 1}\\nc:\\n  <<: *a        | f: line 3, column 7: alias '*a' is not supported
            anchored mapping     | a: &m {b: 1}                   | f: line 1, column 4: anchor '&m' is not supported
            tag                  | a: !!int 3                     | f: line 1, column 4: tag '!!int' is not supported
            local tag            | a: !secret x                   | f: line 1, column 4: tag '!secret' is not supported
            duplicate key        | a: 1\\nb: 2\\na: 3               | f: line 3, column 2: duplicate key 'a'; each key may appear only once in a mapping
            nested duplicate     | a:\\n  b: 1\\n  b: 2             | f: line 3, column 4: duplicate key 'b'
            second document      | a: 1\\n---\\nb: 2                | f: line 2, column 1: a second YAML document is not allowed
            complex key          | ? [a, b]\\n: 1                  | f: line 1, column 3: a mapping key must be a plain string
            unclosed sequence    | a: [1, 2                       | f: line 1, column 9: not valid YAML (
            tab indentation      | a:\\n\\tb: 1                     | f: line 2, column 1: not valid YAML (
            """)
    void refusesWithLineAndColumn(String what, String yaml, String message) {
        assertThatThrownBy(() -> StrictYaml.read(yaml.replace("\\n", "\n").replace("\\t", "\t"), "f"))
                .isInstanceOf(TopologyException.class)
                .satisfies(e -> assertThat(((TopologyException) e).problems()).singleElement().asString().startsWith(message));
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "a: " + "[".repeat(StrictYaml.MAX_DEPTH + 1) + "]".repeat(StrictYaml.MAX_DEPTH + 1);
        assertThatThrownBy(() -> StrictYaml.read(deep, "f")).hasMessageContaining("nested too deeply; at most 32 levels");
        assertThat(StrictYaml.read("a: " + "[".repeat(StrictYaml.MAX_DEPTH - 1) + "]".repeat(StrictYaml.MAX_DEPTH - 1), "f").isObject()).isTrue();
    }

    @Test
    void readsPlainYamlAsBefore() {
        var node = StrictYaml.read("# c\nconfig:\n  k: v\n  n: 3\n  l: [a, 'b']\n...\n", "f");
        assertThat(node.path("config").path("n").asInt()).isEqualTo(3);
        assertThat(node.path("config").path("l").get(1).asText()).isEqualTo("b");
        assertThat(StrictYaml.read("", "f").isMissingNode()).isTrue();
        assertThat(StrictYaml.read("---\na: 1\n", "f").path("a").asInt()).as("a leading --- is one document").isEqualTo(1);
    }

    @Test
    void bindsNullsStringsAndNumbersToNamedElements() {
        var problem = org.assertj.core.api.Assertions.catchThrowableOfType(TopologyException.class, () -> TopologyParser.parse(
                StrictYaml.read("domain: example.com\nsites: [null]\n", "f")));
        assertThat(problem.problems()).containsExactly("sites[0]: null is not allowed; expected a mapping with name, provider, region, capacity, network, mesh, kubernetes, aws, gcp, azure, existing");
        problem = org.assertj.core.api.Assertions.catchThrowableOfType(TopologyException.class, () -> TopologyParser.parse(
                StrictYaml.read("domain: " + "a".repeat(254) + "\nsites: []\n", "f")));
        assertThat(problem.problems()).singleElement().asString().startsWith("domain: 'aaaa").endsWith("is 254 characters; at most 253 are allowed here");
        problem = org.assertj.core.api.Assertions.catchThrowableOfType(TopologyException.class, () -> TopologyParser.parse(
                StrictYaml.read("domain: example.com\npeakDemand: 3000000000\n", "f")));
        assertThat(problem.problems()).containsExactly("peakDemand: 3000000000 is out of range; expected a whole number up to 2147483647");
    }
}
