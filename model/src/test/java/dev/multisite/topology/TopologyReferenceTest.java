package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** README.md's topology table is {@link TopologyReference#markdown()}, and its rows are exactly the keys of the blocks it covers. */
class TopologyReferenceTest {
    /** Top-level blocks the table leaves to their layer's document, each with the reason and the files that name its keys. */
    private static final Map<String, Elsewhere> DOCUMENTED_ELSEWHERE = Map.of(
            "traffic", new Elsewhere("the global traffic layer: an annotated example and its rules", List.of("docs/traffic.md")),
            "data", new Elsewhere("the data tier: an annotated example, modes and promotion", List.of("docs/data.md")),
            "mesh", new Elsewhere("the Cluster Mesh options (the per-site sites[].mesh.clusterId is in the table)",
                    List.of("docs/mesh.md")),
            "gitops", new Elsewhere("the GitOps layer: an annotated example; apps[] in the add-an-app guide",
                    List.of("docs/gitops.md", "argocd/README.md")));

    private record Elsewhere(String reason, List<String> docs) {
    }

    /** The table's shorthand for the node pool block. */
    private static final String NODE_POOLS_SHORT = "…nodePools[]";
    private static final String NODE_POOLS = "sites[].kubernetes.nodePools[]";

    @Test
    void theReadmeTableIsTheCatalogue() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains(TopologyReference.BEGIN, TopologyReference.END);
        String listed = readme.substring(readme.indexOf(TopologyReference.BEGIN),
                readme.indexOf(TopologyReference.END) + TopologyReference.END.length());
        assertThat(listed).as("README.md's topology table is out of date: regenerate with TopologyReference.main")
                .isEqualTo(TopologyReference.markdown());
    }

    @Test
    void everyTopLevelKeyIsInTheTableOrDocumentedElsewhere() {
        Set<String> inTable = documentedPaths().stream().map(p -> p.split("[.\\[]", 2)[0]).collect(Collectors.toSet());
        Set<String> topLevel = Arrays.stream(Topology.class.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
        assertThat(DOCUMENTED_ELSEWHERE.keySet()).as("blocks left to docs/ that the table lists anyway").doesNotContainAnyElementsOf(inTable);
        Set<String> classified = new LinkedHashSet<>(inTable);
        classified.addAll(DOCUMENTED_ELSEWHERE.keySet());
        assertThat(classified).as("top-level keys: add a row to TopologyReference or list the block in DOCUMENTED_ELSEWHERE")
                .containsExactlyInAnyOrderElementsOf(topLevel);
    }

    @Test
    void everyKeyOfTheCoveredBlocksHasARowAndEveryRowIsAKey() {
        Map<String, Boolean> keys = topologyKeys();
        keys.keySet().removeIf(path -> DOCUMENTED_ELSEWHERE.containsKey(path.split("[.\\[]", 2)[0]));
        Set<String> needed = keys.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> documented = documentedPaths();

        assertThat(needed.stream().filter(k -> !documented.contains(k)))
                .as("keys of the covered blocks without a row in TopologyReference").isEmpty();
        assertThat(documented.stream().filter(k -> !keys.containsKey(k)))
                .as("rows of TopologyReference that name no key of the topology records").isEmpty();
        assertThat(needed).contains("domain", "sites[]", "sites[].existing.vpn.attachTo", NODE_POOLS + ".max",
                "network.interconnect.sameProviderLinks");
    }

    @Test
    void everyKeyOfABlockLeftToDocsIsNamedThere() throws Exception {
        Map<String, Boolean> keys = topologyKeys();
        for (var block : DOCUMENTED_ELSEWHERE.entrySet()) {
            StringBuilder text = new StringBuilder();
            for (String doc : block.getValue().docs()) {
                text.append(Files.readString(Path.of("..", doc)));
            }
            List<String> blockKeys = keys.keySet().stream().filter(k -> k.startsWith(block.getKey() + ".")).toList();
            assertThat(blockKeys).as(block.getKey()).isNotEmpty();
            List<String> unnamed = blockKeys.stream()
                    .filter(k -> !Pattern.compile("\\b" + Pattern.quote(lastName(k)) + "\\b").matcher(text).find()).toList();
            assertThat(unnamed).as("keys of %s (%s) named in none of %s", block.getKey(), block.getValue().reason(),
                    block.getValue().docs()).isEmpty();
        }
    }

    private static String lastName(String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        return name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
    }

    @Test
    void shorthandsExpandToFullPaths() {
        assertThat(paths(new TopologyReference.Row(List.of("…nodePools[].min", "max"), "", "", "")))
                .containsExactly(NODE_POOLS + ".min", NODE_POOLS + ".max");
        assertThat(paths(new TopologyReference.Row(List.of("sites[].existing.vpn.publicIp"), "", "", "")))
                .containsExactly("sites[].existing.vpn.publicIp");
    }

    /** Every key path the table's rows document, in full form. */
    private static Set<String> documentedPaths() {
        Set<String> paths = new LinkedHashSet<>();
        TopologyReference.ROWS.forEach(row -> paths.addAll(paths(row)));
        return paths;
    }

    /** A row's key paths: the shorthand expanded, a second key taken as a sibling of the first. */
    static List<String> paths(TopologyReference.Row row) {
        String first = row.keys().get(0).replace(NODE_POOLS_SHORT, NODE_POOLS);
        String block = first.substring(0, first.lastIndexOf('.') + 1);
        List<String> paths = new ArrayList<>(List.of(first));
        row.keys().stream().skip(1).map(k -> block + k).forEach(paths::add);
        return paths;
    }

    /** Every key path of the topology records -> whether it needs a row (a value or a list of records, not a block). */
    private static Map<String, Boolean> topologyKeys() {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        walk(Topology.class, "", keys);
        return keys;
    }

    /**
     * Every key path under {@code prefix} of a topology record: values (also lists of values and maps) and lists of
     * records need a row; nested records are blocks, whose keys need rows instead.
     */
    private static void walk(Class<?> record, String prefix, Map<String, Boolean> keys) {
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            Class<?> type = component.getType();
            if (type == List.class && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && isBlock(element)) {
                keys.put(path + "[]", true);
                walk(element, path + "[].", keys);
            } else if (isBlock(type)) {
                keys.put(path, false);
                walk(type, path + ".", keys);
            } else {
                keys.put(path, true);
            }
        }
    }

    /** A record read from a mapping; records read from a scalar ({@link Cidr}, by a static {@code @JsonCreator}) are values. */
    private static boolean isBlock(Class<?> type) {
        return type.isRecord() && Arrays.stream(type.getDeclaredMethods())
                .noneMatch((Method m) -> Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(JsonCreator.class));
    }
}
