package dev.multisite.ops.netlab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client that commits continuously (one row per transaction, autocommit) to whatever the data
 * endpoint {@code db.<zone>} points at, asking the authority for it on every reconnect as an app
 * with a short-lived connection pool does. Every commit the server acknowledged is recorded, with
 * its time, so the commits the failover lost can be counted afterwards (RPO).
 */
public final class CommitWriter implements AutoCloseable {
    /** An acknowledged commit and where it went. */
    public record Commit(long id, long atMillis, String site) {
    }

    /** A failed attempt: what the client saw. */
    public record Failure(long atMillis, String site, String error) {
    }

    private final NetLab lab;
    private final List<Commit> acknowledged = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long next = 1;

    public CommitWriter(NetLab lab) {
        this.lab = lab;
        this.thread = new Thread(this::loop, "lab-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running.get()) {
            List<String> endpoint = lab.authority().lookup(NetLabConfig.DATA_ENDPOINT);
            String address = endpoint.isEmpty() ? null : endpoint.get(0);
            String site = address == null ? "?" : lab.siteAt(address);
            if (address == null) {
                fail(site, "no answer for " + NetLabConfig.DATA_ENDPOINT);
                continue;
            }
            try (Connection c = LabDatabase.open(address);
                 PreparedStatement insert = c.prepareStatement("INSERT INTO commits (id) VALUES (?)")) {
                while (running.get()) {
                    long id = next;
                    insert.setLong(1, id);
                    insert.executeUpdate();
                    next++;
                    synchronized (this) {
                        acknowledged.add(new Commit(id, lab.now(), site));
                    }
                    if (!lab.authority().lookup(NetLabConfig.DATA_ENDPOINT).equals(endpoint)) {
                        break; // repointed: reconnect to the new endpoint
                    }
                    pause(20);
                }
            } catch (SQLException e) {
                // An unacknowledged id is retried: an id whose commit was sent but never acknowledged may still exist.
                next++;
                fail(site, e.getSQLState() + " " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
    }

    private void fail(String site, String error) {
        synchronized (this) {
            failures.add(new Failure(lab.now(), site, error));
        }
        pause(100);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized List<Commit> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
