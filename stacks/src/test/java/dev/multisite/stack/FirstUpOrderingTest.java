package dev.multisite.stack;

import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.SiteSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first {@code pulumi up} on a new AKS site: no Kubernetes resource can start before the access
 * check has proven the deployer's role took effect. Read from the plan's dependency graph as the
 * engine orders it: a resource waits for its dependencies and for its provider, which waits for
 * its own dependencies.
 */
class FirstUpOrderingTest {

    @Test
    void noKubernetesResourceOfAnAksSiteStartsBeforeItsAccessCheck() {
        for (String stack : List.of("prod", "data")) {
            Plan plan = ExampleStacks.plan(stack);
            Map<String, PlannedResource> byUrn = plan.resources().stream().collect(Collectors.toMap(PlannedResource::urn, Function.identity()));
            List<SiteSpec> aks = ExampleStacks.read(stack).topology().sites().stream().filter(s -> s.provider() == CloudProvider.AZURE).toList();
            assertThat(aks).isNotEmpty();
            for (SiteSpec site : aks) {
                PlannedResource check = only(plan, site.name() + "-access-check");
                assertThat(check.type()).isEqualTo("command:local:Command");
                assertThat(check.inputs().path("create").asText()).contains("kubectl --kubeconfig", "auth can-i '*' '*' --all-namespaces",
                        "seq 1 60", "sleep 10", "exit 1");
                assertThat(check.inputs().path("environment").asText()).as("the kubeconfig stays a secret").isEqualTo("[secret]");
                String provider = only(plan, site.name() + "-k8s").urn();
                List<PlannedResource> kubernetes = plan.resources().stream()
                        .filter(r -> r.type().startsWith("kubernetes:") && r.providerUrn().equals(provider)).toList();
                assertThat(kubernetes).as(site.name() + "'s Kubernetes resources").hasSizeGreaterThan(3);
                for (PlannedResource r : kubernetes) {
                    assertThat(waitsFor(r, byUrn)).as(r.name() + " waits for the access check").contains(check.urn());
                }
                // And the check itself waits for the role assignment it proves.
                assertThat(waitsFor(check, byUrn)).contains(only(plan, site.name() + "-deployer-cluster-admin").urn());
            }
        }
    }

    /**
     * A first {@code pulumi up} with a Route 53 backend: no ExternalDNS release, whose pod assumes its
     * web-identity IAM role, can start before the bounded IAM check has seen that role and its policy
     * (IAM is eventually consistent; IamRoleCheck cites the IAM User Guide), and that check runs only
     * after both exist. The data stack is the one whose names live in Route 53.
     */
    @Test
    void noExternalDnsReleaseStartsBeforeItsWebIdentityRoleIsChecked() {
        Plan plan = ExampleStacks.plan("data");
        Map<String, PlannedResource> byUrn = plan.resources().stream().collect(Collectors.toMap(PlannedResource::urn, Function.identity()));
        List<PlannedResource> roles = plan.resources().stream()
                .filter(r -> r.type().equals("aws:iam/role:Role") && r.inputs().path("assumeRolePolicy").asText().contains("sts:AssumeRoleWithWebIdentity"))
                .toList();
        assertThat(roles).as("web-identity roles in the data plan").isNotEmpty();
        for (PlannedResource role : roles) {
            String instance = role.name().substring(0, role.name().length() - "-role".length());
            PlannedResource check = only(plan, instance + "-iam-check");
            assertThat(check.type()).isEqualTo("command:local:Command");
            assertThat(check.inputs().path("create").asText()).contains("aws iam get-role --role-name \"$MULTISITE_ROLE\"",
                    "aws iam get-role-policy", "seq 1 30", "sleep 10", "sleep 30", "exit 1");
            assertThat(waitsFor(check, byUrn)).as(check.name() + " waits for the role and its policy")
                    .contains(role.urn(), only(plan, instance + "-route53").urn());
            PlannedResource release = only(plan, instance + "-release");
            assertThat(release.type()).isEqualTo("kubernetes:helm.sh/v3:Release");
            assertThat(waitsFor(release, byUrn)).as(release.name() + " waits for the IAM check").contains(check.urn());
        }
        // A release that assumes no IAM role (Cloudflare) gets no IAM check.
        assertThat(plan.resources().stream().filter(r -> r.name().endsWith("-iam-check")).count()).isEqualTo(roles.size());
    }

    /** Every URN a resource cannot start before: its dependencies, its provider, theirs, transitively. */
    private static Set<String> waitsFor(PlannedResource start, Map<String, PlannedResource> byUrn) {
        Set<String> seen = new HashSet<>();
        var queue = new ArrayDeque<PlannedResource>(List.of(start));
        while (!queue.isEmpty()) {
            PlannedResource r = queue.poll();
            List<String> next = new java.util.ArrayList<>(r.dependencies());
            if (!r.provider().isEmpty()) {
                next.add(r.providerUrn());
            }
            r.propertyDependencies().values().forEach(next::addAll);
            for (String urn : next) {
                if (seen.add(urn) && byUrn.containsKey(urn)) {
                    queue.add(byUrn.get(urn));
                }
            }
        }
        return seen;
    }

    private static PlannedResource only(Plan plan, String name) {
        return plan.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }
}
