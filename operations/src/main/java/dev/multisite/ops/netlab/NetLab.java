package dev.multisite.ops.netlab;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lab of real components on one Linux machine. Every listener is inside a network namespace the
 * lab creates, all joined by a bridge in the lab's core namespace; the host gets one veth end with
 * an address (to query and write, never to listen):
 * <ul>
 *   <li>core namespace: BIND 9 (the authority, {@code .2}) and the caching resolvers ({@code .3} on);</li>
 *   <li>a namespace per site ({@code lab-N}, {@code .1N}): its health app, and PostgreSQL where the data tier puts it;</li>
 *   <li>a namespace per health checker ({@code .10N}).</li>
 * </ul>
 * {@link #close()} (also from a shutdown hook: error, Ctrl-C, SIGTERM) stops every process and deletes
 * every namespace, link and file; a lab that was SIGKILLed is swept by the next one ({@link #sweepStale}).
 */
public final class NetLab implements AutoCloseable {
    /** Every name the lab creates starts with this and its JVM's pid, so a later lab can tell stale ones. */
    static final String PREFIX = "msl";
    private static final Pattern OWNED = Pattern.compile(PREFIX + "(\\d+)[-h]");
    private static final Pattern OWNED_DIR = Pattern.compile("multisite-lab-(\\d+)");

    private final NetLabConfig config;
    private final PrintWriter log;
    private final long pid = ProcessHandle.current().pid();
    private final Path dir;
    private final String subnet;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final List<String> namespaces = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook = new Thread(this::close, "net-lab-teardown");
    private final long startNanos = System.nanoTime();
    private final List<LabEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
    private BindAuthority authority;
    private HealthAggregator health;
    private LabDatabase database;
    private final Map<ResolverFlavour, String> resolvers = new LinkedHashMap<>();

    private NetLab(NetLabConfig config, PrintWriter log) throws IOException {
        this.config = config;
        this.log = log;
        this.dir = Path.of(System.getProperty("java.io.tmpdir"), "multisite-lab-" + pid);
        this.subnet = freeSubnet();
    }

    /** Checks the machine, sweeps what dead labs left, and starts everything; on any failure tears down what it started. */
    public static NetLab start(NetLabConfig config, PrintWriter log) throws IOException {
        LabRequirements.missing().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        sweepStale(log);
        var lab = new NetLab(config, log);
        Runtime.getRuntime().addShutdownHook(lab.hook);
        try {
            lab.build();
            return lab;
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void build() throws IOException {
        Files.createDirectories(dir);
        Commands.run("chmod", "755", dir.toString());
        say("lab " + dir + " on " + subnet + ".0/24");
        String core = namespace("core");
        Commands.run("ip", "-n", core, "link", "add", "br0", "type", "bridge");
        Commands.run("ip", "-n", core, "link", "set", "br0", "up");
        Commands.run("ip", "link", "add", hostLink(), "type", "veth", "peer", "name", "uplink", "netns", core);
        Commands.run("ip", "-n", core, "link", "set", "uplink", "master", "br0", "up");
        Commands.run("ip", "addr", "add", address(1) + "/24", "dev", hostLink());
        Commands.run("ip", "link", "set", hostLink(), "up");
        Commands.run("ip", "-n", core, "addr", "add", address(2) + "/24", "dev", "br0");
        for (int i = 0; i < config.flavours().size(); i++) {
            Commands.run("ip", "-n", core, "addr", "add", address(3 + i) + "/24", "dev", "br0");
        }
        for (int i = 1; i <= config.sites(); i++) {
            attach("s" + i, address(10 + i));
        }
        for (int i = 1; i <= config.checkers(); i++) {
            attach("c" + i, address(100 + i));
        }
        authority = BindAuthority.start(this, address(2), config.ttlSeconds(),
                config.siteNames().stream().map(this::siteAddress).toList(), siteAddress(config.primarySite()));
        for (String site : config.siteNames()) {
            startHealthApp(site);
        }
        for (int i = 0; i < config.flavours().size(); i++) {
            startResolver(config.flavours().get(i), address(3 + i));
        }
        health = new HealthAggregator(this, config);
        for (int i = 1; i <= config.checkers(); i++) {
            String checker = "checker-" + i;
            List<String> command = new ArrayList<>(javaCommand(LabProbe.class, String.valueOf(config.checkInterval().toMillis())));
            config.siteNames().forEach(s -> command.add(s + "=" + siteAddress(s) + ":" + APP_PORT));
            startReading(checker, namespace("c" + i), command, line -> health.report(checker, line));
        }
        database = LabDatabase.start(this, config);
        say("lab ready: " + config.sites() + " sites, " + config.checkers() + " checkers, BIND, " + config.flavours().size()
                + " resolvers, PostgreSQL primary in " + config.primarySite() + " and replica in " + config.replicaSite());
    }

    static final int APP_PORT = 8080;

    private void attach(String suffix, String address) throws IOException {
        String ns = namespace(suffix);
        String coreEnd = PREFIX + pid + suffix;
        Commands.run("ip", "-n", namespace("core"), "link", "add", coreEnd, "type", "veth", "peer", "name", "eth0", "netns", ns);
        Commands.run("ip", "-n", namespace("core"), "link", "set", coreEnd, "master", "br0", "up");
        Commands.run("ip", "-n", ns, "addr", "add", address + "/24", "dev", "eth0");
        Commands.run("ip", "-n", ns, "link", "set", "eth0", "up");
    }

    /** The namespace {@code msl<pid>-<suffix>}, created on first use. */
    private String namespace(String suffix) throws IOException {
        String name = PREFIX + pid + "-" + suffix;
        if (!namespaces.contains(name)) {
            Commands.run("ip", "netns", "add", name);
            namespaces.add(name);
            Commands.run("ip", "-n", name, "link", "set", "lo", "up");
        }
        return name;
    }

    String coreNamespace() {
        return PREFIX + pid + "-core";
    }

    String siteNamespace(String site) {
        return PREFIX + pid + "-s" + siteIndex(site);
    }

    private String hostLink() {
        return PREFIX + pid + "h";
    }

    private int siteIndex(String site) {
        int index = config.siteNames().indexOf(site);
        if (index < 0) {
            throw new IllegalArgumentException("no lab site '" + site + "'; the lab has " + String.join(", ", config.siteNames()));
        }
        return index + 1;
    }

    public String siteAddress(String site) {
        return address(10 + siteIndex(site));
    }

    String address(int host) {
        return subnet + "." + host;
    }

    String subnetCidr() {
        return subnet + ".0/24";
    }

    public Path dir() {
        return dir;
    }

    public NetLabConfig config() {
        return config;
    }

    BindAuthority authority() {
        return authority;
    }

    public HealthAggregator health() {
        return health;
    }

    public LabDatabase database() {
        return database;
    }

    /** Each resolver flavour and the address clients query it at. */
    public Map<ResolverFlavour, String> resolvers() {
        return Map.copyOf(resolvers);
    }

    public String sitesOf(List<String> addresses) {
        return String.join(",", addresses.stream().map(this::siteAt).toList());
    }

    /** The site whose address this is, or the address itself. */
    public String siteAt(String address) {
        return config.siteNames().stream().filter(s -> siteAddress(s).equals(address)).findFirst().orElse(address);
    }

    /** Milliseconds since the lab started: the one clock of every event and sample. */
    public long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    void event(String what) {
        events.add(new LabEvent(now(), what));
        say("  +" + String.format(java.util.Locale.ROOT, "%.1f", now() / 1000.0) + "s " + what);
    }

    public List<LabEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    void say(String line) {
        synchronized (log) {
            log.println(line);
            log.flush();
        }
    }

    // ---- faults -------------------------------------------------------------------------------------

    /** Fault "killed app": the site's health app process is killed. */
    public void killApp(String site) {
        Process app = processes.get("app-" + site);
        if (app != null) {
            app.destroyForcibly();
        }
        event("fault: killed the health app of " + site);
    }

    /** Fault "cut link": the site's interface goes down; nothing in or out. */
    public void cutLink(String site) throws IOException {
        Commands.run("ip", "-n", siteNamespace(site), "link", "set", "eth0", "down");
        event("fault: cut the link of " + site + " (eth0 down)");
    }

    public void restoreLink(String site) throws IOException {
        Commands.run("ip", "-n", siteNamespace(site), "link", "set", "eth0", "up");
        event("restored the link of " + site);
    }

    /** Fault "stopped database": the site's PostgreSQL stops at once (immediate shutdown). */
    public void stopDatabase(String site) throws IOException {
        database.stop(site);
        event("fault: stopped the database in " + site);
    }

    // ---- processes ------------------------------------------------------------------------------------

    private void startHealthApp(String site) throws IOException {
        String name = "app-" + site;
        startReading(name, siteNamespace(site), javaCommand(LabHealthApp.class, site, siteAddress(site), String.valueOf(APP_PORT)), line -> { });
        Waits.until(name, Duration.ofSeconds(30), () -> connects(siteAddress(site), APP_PORT));
    }

    private void startResolver(ResolverFlavour flavour, String listen) throws IOException {
        Path rdir = dir.resolve("resolvers");
        Files.createDirectories(rdir.resolve(flavour.key() + "-run"));
        Path conf = rdir.resolve(flavour.configFileName());
        Files.writeString(conf, flavour.config(listen, subnetCidr(), authority.address(), rdir));
        startDaemon(flavour.key(), coreNamespace(), null, flavour.command(conf, rdir));
        resolvers.put(flavour, listen);
        var probe = new ResolverProbe(flavour, listen, this);
        Waits.until(flavour.label() + " answering on " + listen, Duration.ofSeconds(15), () -> probe.sample().ok());
    }

    private List<String> javaCommand(Class<?> main, String... args) {
        String classes;
        try {
            classes = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new ArrayList<>(List.of(Commands.javaBinary().toString(), "-Xmx32m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dmultisite.lab=" + dir, "-cp", classes, main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts a long-running process; its output goes to a log file in the lab directory. */
    Process startDaemon(String name, String namespace, String user, List<String> command) throws IOException {
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        var builder = new ProcessBuilder(Commands.inNamespace(namespace, user, command)).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().put("LC_ALL", "C");
        return register(name, builder.start());
    }

    /** Starts a process whose output lines go to {@code lines} (read on a daemon thread). */
    private void startReading(String name, String namespace, List<String> command, Consumer<String> lines) throws IOException {
        Process p = register(name, new ProcessBuilder(Commands.inNamespace(namespace, null, command))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start());
        Thread reader = new Thread(() -> {
            try (var in = p.inputReader()) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException | UncheckedIOException ended) {
                // The process ended: nothing more to read.
            }
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    private synchronized Process register(String name, Process process) throws IOException {
        if (closed.get()) {
            process.destroyForcibly();
            throw new IOException("the lab is closing");
        }
        processes.put(name, process);
        return process;
    }

    /** The last line a daemon logged, for the one-line error when it does not come up. */
    String lastLogLine(String name) {
        try (var lines = Files.lines(dir.resolve("logs").resolve(name + ".log"))) {
            var all = lines.toList();
            return all.isEmpty() ? "(empty)" : String.join(" / ", all.subList(Math.max(0, all.size() - 3), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }

    synchronized void forget(String name) {
        processes.remove(name);
    }

    static boolean connects(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- teardown -------------------------------------------------------------------------------------

    /** Stops every process, then deletes every namespace, the host link and the lab directory. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (database != null) {
            database.close();
        }
        if (health != null) {
            health.close();
        }
        List<Process> all;
        synchronized (this) {
            all = new ArrayList<>(processes.values());
        }
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : all) {
            try {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        for (String ns : namespaces) {
            killInside(ns);
            Commands.quietly("ip", "netns", "del", ns);
        }
        Commands.quietly("ip", "link", "del", hostLink());
        // A command the lab was still running when it was interrupted (initdb, pg_basebackup while the lab
        // is built) is no tracked process: stop every descendant that works in the lab's directory.
        String dirName = dir.toString();
        ProcessHandle.current().descendants()
                .filter(h -> h.info().arguments().map(args -> String.join(" ", args).contains(dirName)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        deleteTree(dir);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // Called from the hook itself.
        }
        say("lab torn down: no namespace, process, link or file left");
    }

    /** Any process still inside one of the lab's namespaces (only this lab's processes can be there). */
    private static void killInside(String namespace) {
        try {
            for (String p : Commands.run(10, List.of("ip", "netns", "pids", namespace)).split("\\s+")) {
                if (!p.isBlank()) {
                    ProcessHandle.of(Long.parseLong(p)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // The namespace is gone already.
        }
    }

    /** Deletes {@code root}, again while a process that is just being stopped still writes into it (at most 10 s). */
    private static void deleteTree(Path root) {
        for (int attempt = 0; attempt < 40 && Files.exists(root); attempt++) {
            try (var walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | java.io.UncheckedIOException e) {
                // A file vanished or appeared while walking: walk again.
            }
            if (Files.exists(root)) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // Best effort; the sweep of the next lab retries.
                }
            }
        }
    }

    /** Removes what labs of JVMs that no longer run left behind (a SIGKILL gives no chance to clean up). */
    public static void sweepStale(PrintWriter log) {
        try {
            for (String line : Commands.run("ip", "netns", "list").split("\n")) {
                String ns = line.split("\\s+")[0];
                if (staleOwner(ns)) {
                    killInside(ns);
                    Commands.quietly("ip", "netns", "del", ns);
                    log.println("swept stale lab namespace " + ns);
                }
            }
            for (String line : Commands.run("ip", "-o", "link", "show").split("\n")) {
                String[] parts = line.split(":\\s+");
                if (parts.length > 1) {
                    String link = parts[1].split("@")[0];
                    if (link.matches(PREFIX + "\\d+h") && staleOwner(link)) {
                        Commands.quietly("ip", "link", "del", link);
                    }
                }
            }
            try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                entries.filter(p -> {
                    Matcher m = OWNED_DIR.matcher(p.getFileName().toString());
                    return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty();
                }).forEach(NetLab::deleteTree);
            }
        } catch (IOException e) {
            log.println("could not sweep stale labs: " + e.getMessage());
        }
    }

    private static boolean staleOwner(String name) {
        Matcher m = OWNED.matcher(name + "-");
        return m.lookingAt() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty();
    }

    /** A /24 in 10.251.0.0/16 that no interface or route of the host uses. */
    private String freeSubnet() throws IOException {
        String used = Commands.run("ip", "-4", "route", "show", "table", "all") + "\n" + Commands.run("ip", "-4", "-o", "addr", "show");
        for (int i = 0; i < 250; i++) {
            String candidate = "10.251." + ((pid + i) % 250 + 1);
            if (!used.contains(candidate + ".")) {
                return candidate;
            }
        }
        throw new IOException("no free /24 in 10.251.0.0/16 for the lab");
    }
}
