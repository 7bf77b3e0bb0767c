package dev.multisite.stack.runbook;

import dev.multisite.topology.Topology;

/** "Split brain": who is authoritative for what, what cut-off sites do, how writes reconcile. */
final class SplitBrainRunbook {
    private SplitBrainRunbook() {
    }

    static String render(Topology topology, RunbookFacts facts) {
        var md = new Markdown().h1("Split brain / network partition");
        md.p("Sites: " + String.join(", ", topology.sites().stream().map(s -> s.name()).toList()) + ".");
        return md.toString();
    }
}
