package dev.multisite.ops.netlab;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lab's data tier: a PostgreSQL 15 primary in one site and an asynchronous streaming replica
 * in another, made as the PostgreSQL 15 manual says ("High Availability, Load Balancing, and
 * Replication", 27.2: a base backup taken with {@code pg_basebackup -R} writes
 * {@code standby.signal} and {@code primary_conninfo}; replication is asynchronous unless
 * {@code synchronous_standby_names} is set). Promotion is {@code pg_ctl promote} (27.2.8).
 * Trust authentication from the lab subnet only: the lab is reachable from nowhere else.
 */
public final class LabDatabase implements AutoCloseable {
    static final int PORT = 5432;
    private static final String USER = "postgres";
    private final NetLab lab;
    /** site -> its data directory, for the servers that run. */
    private final Map<String, Path> running = new ConcurrentHashMap<>();

    private LabDatabase(NetLab lab) {
        this.lab = lab;
    }

    static LabDatabase start(NetLab lab, NetLabConfig config) throws IOException {
        var db = new LabDatabase(lab);
        Path primary = db.dataDir(config.primarySite());
        db.asPostgres(List.of(bin("initdb"), "-D", primary.toString(), "-U", USER, "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"));
        java.nio.file.Files.writeString(primary.resolve("pg_hba.conf"), "local all all trust\nhost all all " + lab.subnetCidr()
                + " trust\nhost replication all " + lab.subnetCidr() + " trust\n");
        db.startServer(config.primarySite(), primary);
        Path replica = db.dataDir(config.replicaSite());
        db.asPostgres(List.of(bin("pg_basebackup"), "-h", lab.siteAddress(config.primarySite()), "-p", String.valueOf(PORT), "-U", USER,
                "-D", replica.toString(), "-R", "-X", "stream", "-c", "fast", "--no-sync"));
        db.startServer(config.replicaSite(), replica);
        try (Connection c = db.connect(config.primarySite())) {
            c.createStatement().execute("CREATE TABLE commits (id bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw new IOException("PostgreSQL in " + config.primarySite() + ": " + e.getMessage());
        }
        Waits.until("replica in " + config.replicaSite() + " streaming", Duration.ofSeconds(30), () -> db.hasTable(config.replicaSite()));
        return db;
    }

    private Path dataDir(String site) throws IOException {
        Path dir = lab.dir().resolve("pg-" + site);
        java.nio.file.Files.createDirectories(dir);
        Commands.run("chown", USER + ":", dir.toString());
        Commands.run("chmod", "700", dir.toString());
        return dir;
    }

    private void startServer(String site, Path dir) throws IOException {
        // Sockets outside the data directory: pg_basebackup would copy the primary's socket lock file into the replica.
        Path sockets = lab.dir().resolve("pg-sockets-" + site);
        java.nio.file.Files.createDirectories(sockets);
        Commands.run("chown", USER + ":", sockets.toString());
        lab.startDaemon("postgres-" + site, lab.siteNamespace(site), USER, List.of(bin("postgres"), "-D", dir.toString(),
                "-c", "listen_addresses=" + lab.siteAddress(site), "-c", "port=" + PORT, "-c", "unix_socket_directories=" + sockets));
        running.put(site, dir);
        try {
            Waits.until("PostgreSQL in " + site, Duration.ofSeconds(30), () -> {
                try (Connection c = connect(site)) {
                    return c.isValid(1);
                } catch (SQLException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; its log ends: " + lab.lastLogLine("postgres-" + site));
        }
    }

    private boolean hasTable(String site) {
        try (Connection c = connect(site); var rs = c.createStatement().executeQuery("SELECT to_regclass('commits') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    Connection connect(String site) throws SQLException {
        return open(lab.siteAddress(site));
    }

    /** A short-timeout connection (connectTimeout, socketTimeout in seconds: pgJDBC's connection properties). */
    static Connection open(String address) throws SQLException {
        var props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("connectTimeout", "1");
        props.setProperty("socketTimeout", "1");
        props.setProperty("loginTimeout", "2");
        return DriverManager.getConnection("jdbc:postgresql://" + address + ":" + PORT + "/postgres", props);
    }

    /** Fence or fault: immediate shutdown (the manual's "Immediate Shutdown", SIGQUIT via pg_ctl); works with the link cut. */
    public void stop(String site) throws IOException {
        Path dir = running.remove(site);
        if (dir != null) {
            asPostgres(List.of(bin("pg_ctl"), "stop", "-D", dir.toString(), "-m", "immediate", "-w", "-t", "10"));
            lab.forget("postgres-" + site);
        }
    }

    /** Ends recovery on the site's replica: from now on it takes writes. */
    public void promote(String site) throws IOException {
        Path dir = running.get(site);
        if (dir == null) {
            throw new IOException("no PostgreSQL runs in " + site);
        }
        asPostgres(List.of(bin("pg_ctl"), "promote", "-D", dir.toString(), "-w", "-t", "30"));
    }

    public boolean inRecovery(String site) {
        try (Connection c = connect(site); var rs = c.createStatement().executeQuery("SELECT pg_is_in_recovery()")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The replica's replay lag in milliseconds (now - last replayed commit), or empty when it cannot be read. */
    public java.util.OptionalLong replicaLagMillis(String site) {
        try (Connection c = connect(site); var rs = c.createStatement().executeQuery(
                "SELECT COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) * 1000, 0)::bigint")) {
            return rs.next() ? java.util.OptionalLong.of(rs.getLong(1)) : java.util.OptionalLong.empty();
        } catch (SQLException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** Which of these commit ids the site's database holds. */
    public List<Long> present(String site, List<Long> ids) throws SQLException {
        List<Long> found = new ArrayList<>();
        try (Connection c = connect(site); var rs = c.createStatement().executeQuery("SELECT id FROM commits")) {
            var set = new java.util.HashSet<>(ids);
            while (rs.next()) {
                if (set.contains(rs.getLong(1))) {
                    found.add(rs.getLong(1));
                }
            }
        }
        return found;
    }

    private void asPostgres(List<String> command) throws IOException {
        List<String> full = new ArrayList<>(Commands.asUser(USER));
        full.addAll(command);
        Commands.run(60, full);
    }

    private static String bin(String program) {
        return LabRequirements.POSTGRES_BIN.resolve(program).toString();
    }

    @Override
    public void close() {
        for (String site : List.copyOf(running.keySet())) {
            try {
                stop(site);
            } catch (IOException e) {
                // The lab kills what is left.
            }
        }
    }
}
