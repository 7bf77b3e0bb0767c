package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a stack is for; production stacks get the strictest policies (e.g. node pools of at least 2). */
public enum Environment {
    PRODUCTION, STAGING, DEVELOPMENT;

    @JsonValue
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
