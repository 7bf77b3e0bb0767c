package dev.multisite.ops.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The stack outputs a cloud drill needs, read from {@code pulumi stack output --json} (no secrets
 * are needed): {@code globalHostname}, {@code failoverBudgetSeconds} (per DNS backend),
 * {@code drainSwitches} (site -> Route 53 drain-switch health check id), {@code cloudflarePools}
 * (site -> pool id) and {@code cloudflareAccountId}.
 */
public record StackOutputs(JsonNode outputs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static StackOutputs read(Path file) throws IOException {
        return new StackOutputs(JSON.readTree(file.toFile()));
    }

    public String globalHostname() {
        return require("globalHostname").asText();
    }

    /** The budget of one DNS backend ({@code route53} or {@code cloudflare}). */
    public Duration budget(String backend) {
        JsonNode budgets = require("failoverBudgetSeconds");
        JsonNode value = budgets.isObject() ? budgets.get(backend) : budgets;
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("stack output failoverBudgetSeconds has no number for " + backend + ": " + budgets);
        }
        return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }

    public String drainSwitch(String site) {
        return perSite("drainSwitches", site);
    }

    public String cloudflarePool(String site) {
        return perSite("cloudflarePools", site);
    }

    public String cloudflareAccountId() {
        return require("cloudflareAccountId").asText();
    }

    public Optional<JsonNode> get(String name) {
        return Optional.ofNullable(outputs.get(name));
    }

    private String perSite(String output, String site) {
        JsonNode value = require(output).get(site);
        if (value == null || value.asText().isEmpty()) {
            throw new IllegalArgumentException("stack output " + output + " has no entry for site '" + site + "'; it has "
                    + outputs.get(output).properties().stream().map(java.util.Map.Entry::getKey).toList());
        }
        return value.asText();
    }

    private JsonNode require(String name) {
        JsonNode value = outputs.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("stack output '" + name + "' is missing; is the traffic layer deployed? "
                    + "(pulumi stack output --json > outputs.json)");
        }
        return value;
    }
}
