package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;

/** The fixture helpers for tests outside this package (the engine path, the stack tests). */
public final class FixturesAccess {
    private FixturesAccess() {
    }

    public static JsonNode json(String singleQuoted) {
        return Fixtures.json(singleQuoted);
    }
}
