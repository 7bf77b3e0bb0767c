package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.multisite.topology.TopologyException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Pulumi project the CLI works in: the nearest directory upwards holding {@code Pulumi.yaml}. */
record ProjectDir(Path root, Path stackConfigDir) {

    static ProjectDir find(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path project = dir.resolve("Pulumi.yaml");
            if (Files.isRegularFile(project)) {
                return new ProjectDir(dir, dir.resolve(stackConfigDir(project)));
            }
        }
        throw new TopologyException("no Pulumi.yaml in " + start.toAbsolutePath() + " or above; run from the project or pass --stack-file");
    }

    Path stackFile(String stack) {
        return stackConfigDir.resolve("Pulumi." + stack + ".yaml");
    }

    private static String stackConfigDir(Path project) {
        try {
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(project.toFile());
            return doc.path("stackConfigDir").asText(".");
        } catch (IOException e) {
            throw new TopologyException(project + ": cannot be read as YAML (" + e.getMessage() + ")");
        }
    }
}
