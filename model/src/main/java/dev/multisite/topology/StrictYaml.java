package dev.multisite.topology;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads YAML text (a stack file, {@code Pulumi.yaml}) into a tree, strictly: exactly one document,
 * no duplicate keys, no anchors, aliases or tags. Jackson's YAML parser would otherwise hand an
 * alias over as the anchor's <em>name</em>, keep the last of two duplicate keys and ignore a second
 * document, so a stack file could mean something other than what it says. Every refusal is a
 * {@link TopologyException} of one line: {@code <source>: line L, column C: <what>; <what to do>}.
 */
public final class StrictYaml {
    /** Deepest nesting of mappings and sequences accepted (a topology needs about 8). */
    public static final int MAX_DEPTH = 32;
    /** The YAML 1.1 float forms of infinity and not-a-number (yaml.org/type/float.html). */
    private static final java.util.regex.Pattern NON_FINITE = java.util.regex.Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private StrictYaml() {
    }

    private static LoaderOptions loaderOptions() {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(0);
        return options;
    }

    /** Parses {@code text}; {@code source} names it in messages. An empty document is a missing node. */
    public static JsonNode read(String text, String source) {
        try {
            refuseAmbiguous(text, source);
            JsonNode root = MAPPER.readTree(text);
            return root == null ? MissingNode.getInstance() : root;
        } catch (TopologyException e) {
            throw e;
        } catch (YAMLException e) {
            throw new TopologyException(explain(e, source));
        } catch (StreamConstraintsException e) {
            String message = String.valueOf(e.getOriginalMessage());
            throw new TopologyException(at(source, e.getLocation()) + ": " + (message.contains("Number") ? "a number with too many digits; no field takes more than 10"
                    : message.contains("String") ? "a value too long; no field takes more than " + TopologyLimits.MAX_STRING + " characters"
                    : "nested too deeply; at most " + MAX_DEPTH + " levels of mappings and sequences"));
        } catch (JsonProcessingException e) {
            throw new TopologyException(e.getCause() instanceof YAMLException y ? explain(y, source) : explain(e, source));
        }
    }

    /**
     * One pass over SnakeYAML's events, before Jackson builds the tree: Jackson exposes neither
     * scalar anchors nor a second document, and bounds neither nesting nor complex keys, so they
     * are refused here, at their line and column.
     */
    private static void refuseAmbiguous(String text, String source) {
        int documents = 0;
        // Per open collection: is it a mapping whose next node is a key? (Depth is its size.)
        Deque<boolean[]> open = new ArrayDeque<>();
        for (Event event : new Yaml(loaderOptions()).parse(new StringReader(text))) {
            if (event instanceof CollectionEndEvent) {
                open.pop();
                continue;
            }
            if (event instanceof NodeEvent && !open.isEmpty() && open.peek().length == 1) {
                boolean[] mapping = open.peek();
                if (mapping[0] && event instanceof CollectionStartEvent) {
                    throw refuse(source, event, "a mapping key must be a plain string, not a sequence or mapping");
                }
                mapping[0] = !mapping[0];
            }
            if (event instanceof CollectionStartEvent) {
                // Bounded here: neither SnakeYAML's event parser nor Jackson's YAML parser limits nesting.
                if (open.size() >= MAX_DEPTH) {
                    throw refuse(source, event, "nested too deeply; at most " + MAX_DEPTH + " levels of mappings and sequences");
                }
                open.push(event instanceof MappingStartEvent ? new boolean[]{true} : new boolean[0]);
            }
            if (event instanceof DocumentStartEvent && ++documents > 1) {
                throw refuse(source, event, "a second YAML document is not allowed; a stack file holds exactly one document (remove the extra '---')");
            }
            if (event instanceof AliasEvent alias) {
                throw refuse(source, event, "alias '*" + alias.getAnchor() + "' is not supported; write the value out in full");
            }
            if (event instanceof NodeEvent node && node.getAnchor() != null) {
                throw refuse(source, event, "anchor '&" + node.getAnchor() + "' is not supported; write each value out in full");
            }
            if (event instanceof ScalarEvent scalar && scalar.isPlain() && NON_FINITE.matcher(scalar.getValue()).matches()) {
                // YAML 1.1 reads these plain scalars as floats (the !!float tag's .inf and .nan forms); no field takes them.
                throw refuse(source, event, "'" + scalar.getValue() + "' is " + (scalar.getValue().toLowerCase(java.util.Locale.ROOT).contains("nan")
                        ? "not a number (NaN)" : "infinity") + "; every number in a stack file is finite (quote it if it is meant as text)");
            }
            String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                    : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
            if (tag != null) {
                throw refuse(source, event, "tag '" + tag.replace("tag:yaml.org,2002:", "!!") + "' is not supported; write plain values");
            }
        }
    }

    private static TopologyException refuse(String source, Event event, String problem) {
        var mark = event.getStartMark();
        return new TopologyException(source + ": line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " + problem);
    }

    private static String explain(YAMLException e, String source) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            var mark = marked.getProblemMark();
            String problem = marked.getProblem() == null ? "syntax error" : marked.getProblem();
            String where = source + ": line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            return problem.contains("Nesting Depth")
                    ? where + ": nested too deeply; at most " + MAX_DEPTH + " levels of mappings and sequences"
                    : where + ": not valid YAML (" + oneLine(problem) + ")";
        }
        String problem = e.getMessage() == null ? "" : e.getMessage();
        return problem.contains("Nesting Depth") ? source + ": nested too deeply; at most " + MAX_DEPTH + " levels of mappings and sequences"
                : source + ": not valid YAML (" + oneLine(problem) + ")";
    }

    private static String explain(JsonProcessingException e, String source) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            String key = message.substring(message.indexOf('\'') + 1, message.lastIndexOf('\''));
            return at(source, e.getLocation()) + ": duplicate key '" + key + "'; each key may appear only once in a mapping";
        }
        return at(source, e.getLocation()) + ": not valid YAML here; check the indentation and the quoting";
    }

    private static String oneLine(String text) {
        return text.lines().findFirst().orElse("").replaceAll("\\s+", " ").trim();
    }

    static String at(String source, JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? source
                : source + ": line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
