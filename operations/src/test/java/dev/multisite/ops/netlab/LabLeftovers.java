package dev.multisite.ops.netlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a lab owned by one JVM may have left on the machine: namespaces, links, its directory, processes. */
final class LabLeftovers {
    private LabLeftovers() {
    }

    static List<String> of(long pid) throws IOException {
        List<String> left = new ArrayList<>();
        String owner = NetLab.PREFIX + pid;
        Commands.run("ip", "netns", "list").lines().filter(l -> l.startsWith(owner + "-")).forEach(l -> left.add("namespace " + l));
        Commands.run("ip", "-o", "link", "show").lines().filter(l -> l.contains(" " + owner + "h")).forEach(l -> left.add("link " + l));
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "multisite-lab-" + pid);
        if (Files.exists(dir)) {
            left.add("directory " + dir);
        }
        // Every lab process names the lab directory on its command line (config file, data directory, -Dmultisite.lab).
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(dir.toString()))
                .forEach(p -> left.add("process " + p.pid() + " " + p.info().commandLine().orElse("")));
        return left;
    }
}
