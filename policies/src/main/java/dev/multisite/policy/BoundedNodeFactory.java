package dev.multisite.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Jackson's node factory, counting the nodes one read builds and refusing more than a budget. The
 * byte limit alone does not bound memory: a JSON value costs from 2 bytes of text ({@code {}}) to
 * a hundred bytes of heap as a node, so a file of small values would take gigabytes as a tree.
 * One instance per file read (it is not thread-safe, and the count is the file's).
 */
final class BoundedNodeFactory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;
    private final long budget;
    private long built;

    BoundedNodeFactory(long budget) {
        super(false);
        this.budget = budget;
    }

    /** Thrown when the budget is spent; the reader turns it into one line naming the file. */
    static final class OverBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverBudget(long budget) {
            super("over " + budget + " JSON values");
        }
    }

    /** Counts one node built by Jackson's own factory method; every node-building override goes through here. */
    private <N> N counted(N node) {
        if (++built > budget) {
            throw new OverBudget(budget);
        }
        return node;
    }

    // The node kinds a JSON document makes (booleans and null are shared instances, so they cost nothing).
    @Override public ObjectNode objectNode() { return counted(super.objectNode()); }
    @Override public ArrayNode arrayNode() { return counted(super.arrayNode()); }
    @Override public ArrayNode arrayNode(int capacity) { return counted(super.arrayNode(capacity)); }
    @Override public TextNode textNode(String text) { return counted(super.textNode(text)); }
    @Override public NumericNode numberNode(int v) { return counted(super.numberNode(v)); }
    @Override public NumericNode numberNode(long v) { return counted(super.numberNode(v)); }
    @Override public NumericNode numberNode(double v) { return counted(super.numberNode(v)); }
    @Override public NumericNode numberNode(float v) { return counted(super.numberNode(v)); }
    @Override public ValueNode numberNode(BigInteger v) { return counted(super.numberNode(v)); }
    @Override public ValueNode numberNode(BigDecimal v) { return counted(super.numberNode(v)); }
}
