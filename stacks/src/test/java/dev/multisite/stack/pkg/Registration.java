package dev.multisite.stack.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import pulumirpc.Resource.RegisterResourceRequest;

/**
 * One RegisterResource call the fake monitor answered, as a test reads it: the URN it was given,
 * what the plugin asked for, and the inputs as JSON (the wire form: secrets stay Pulumi's
 * signature objects, unknowns stay the engine's sentinel string). {@code request} keeps everything
 * else (dependencies, property dependencies, options).
 */
public record Registration(String urn, String type, String name, String parentUrn, boolean custom, String provider,
                           JsonNode inputs, RegisterResourceRequest request) {

    /** Whether this resource was registered directly under {@code parent}. */
    public boolean isChildOf(Registration parent) {
        return parentUrn.equals(parent.urn());
    }
}
