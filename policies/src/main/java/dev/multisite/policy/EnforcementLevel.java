package dev.multisite.policy;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a violation counts: mandatory ones block a deploy, advisory ones are reported, disabled rules do not run. */
public enum EnforcementLevel {
    ADVISORY, MANDATORY, DISABLED;

    @JsonValue
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
