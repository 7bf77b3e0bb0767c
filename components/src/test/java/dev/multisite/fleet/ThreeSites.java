package dev.multisite.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A small valid topology for the components' own tests: two AWS sites in two regions and one GCP site (three-sites.yaml). */
public final class ThreeSites {

    private ThreeSites() {
    }

    public static JsonNode tree() {
        try (var in = ThreeSites.class.getResourceAsStream("three-sites.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
