package dev.multisite.ops.netlab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the real lab needs on the machine, and the Debian package that provides each program
 * ({@code .ci/lab-packages} installs them; Debian 12 ships bind9 9.18, unbound 1.17,
 * knot-resolver 5.6 and postgresql-15). Checked before anything is started.
 */
public final class LabRequirements {
    /**
     * PostgreSQL's server programs live outside PATH on Debian and Ubuntu (postgresql-common wraps them), under
     * /usr/lib/postgresql/MAJOR/bin: 15 on Debian 12 (what the lab was measured with), otherwise the newest installed.
     */
    static final Path POSTGRES_BIN = postgresBin();

    private static Path postgresBin() {
        Path root = Path.of("/usr/lib/postgresql");
        Path preferred = root.resolve("15/bin");
        if (Files.isExecutable(preferred.resolve("postgres")) || !Files.isDirectory(root)) {
            return preferred;
        }
        try (var majors = Files.list(root)) {
            return majors.filter(d -> d.getFileName().toString().matches("\\d+") && Files.isExecutable(d.resolve("bin/postgres")))
                    .max(java.util.Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString())))
                    .map(d -> d.resolve("bin")).orElse(preferred);
        } catch (java.io.IOException e) {
            return preferred;
        }
    }

    private static final Map<String, String> PROGRAMS = new LinkedHashMap<>();

    static {
        PROGRAMS.put("ip", "iproute2");
        PROGRAMS.put("setpriv", "util-linux");
        PROGRAMS.put("named", "bind9");
        PROGRAMS.put("unbound", "unbound");
        PROGRAMS.put("kresd", "knot-resolver");
        PROGRAMS.put(POSTGRES_BIN.resolve("postgres").toString(), "postgresql-15");
        PROGRAMS.put(POSTGRES_BIN.resolve("pg_basebackup").toString(), "postgresql-15");
    }

    private LabRequirements() {
    }

    /** The first thing missing, as one line naming the program and its package; empty when the lab can run. */
    public static Optional<String> missing() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.of("the failover lab needs Linux network namespaces; this is " + System.getProperty("os.name"));
        }
        for (var entry : PROGRAMS.entrySet()) {
            if (find(entry.getKey()).isEmpty()) {
                return Optional.of("the failover lab needs '" + entry.getKey() + "' from the Debian package " + entry.getValue()
                        + "; install it with .ci/lab-packages (or apt-get install " + entry.getValue() + ")");
            }
        }
        if (!isRoot()) {
            return Optional.of("the failover lab creates network namespaces and must run as root (CI does); run it with sudo");
        }
        return Optional.empty();
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A program by absolute path, or searched on PATH plus the sbin directories root's PATH has. */
    static Optional<Path> find(String program) {
        Path given = Path.of(program);
        if (given.isAbsolute()) {
            return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
        }
        // multisite.lab.path replaces the search path (tests use it to stand for a machine without the packages).
        String override = System.getProperty("multisite.lab.path");
        List<String> dirs = new java.util.ArrayList<>(List.of((override != null ? override : System.getenv().getOrDefault("PATH", "")).split(":")));
        if (override == null) {
            dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        }
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    static String path(String program) {
        return find(program).map(Path::toString).orElseThrow(() -> new IllegalStateException(missing().orElse(program + " is missing")));
    }
}
