package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.topology.InputFiles;
import dev.multisite.topology.StrictYaml;
import dev.multisite.topology.TopologyException;
import dev.multisite.topology.TopologyLimits;

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

    /** Pulumi stack names: letters, digits, '-', '_' and '.'; never a path (no '/', no '..'). */
    private static final java.util.regex.Pattern STACK_NAME = java.util.regex.Pattern.compile("(?!\\.)[A-Za-z0-9._-]{1,100}");

    Path stackFile(String stack) {
        if (!STACK_NAME.matcher(stack).matches() || stack.contains("..")) {
            throw new TopologyException("--stack: '" + TopologyLimits.quote(stack) + "' is not a stack name; use letters, digits, '-', '_' and '.' (at most 100), e.g. prod");
        }
        return stackConfigDir.resolve("Pulumi." + stack + ".yaml");
    }

    private static String stackConfigDir(Path project) {
        JsonNode doc = StrictYaml.read(InputFiles.readText(project, "Pulumi project file"), project.toString());
        return doc.path("stackConfigDir").asText(".");
    }
}
