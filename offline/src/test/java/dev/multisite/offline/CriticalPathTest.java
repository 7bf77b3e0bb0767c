package dev.multisite.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CriticalPathTest {
    private static final String SLOW = "test:index:Slow";     // 600 s
    private static final String MID = "test:index:Mid";       // 120 s
    private static final String FAST = "test:index:Fast";     // 10 s
    private static final String UNKNOWN = "test:index:Unlisted";
    private static final String COMPONENT = "test:index:Component";
    private static final String K8S_PROVIDER = "pulumi:providers:kubernetes";

    private static final CreationTimes TIMES = CreationTimes.of(
            Map.of(SLOW, 600L, MID, 120L, FAST, 10L, K8S_PROVIDER, 999L, COMPONENT, 999L), 7);

    /** A hand-built resource; {@code deps} are URNs; use the builder methods for the rest. */
    private static final class R {
        final String type;
        final String name;
        final boolean custom;
        String parent = "";
        String provider = "";
        final List<String> dependencies = new ArrayList<>();
        final Map<String, List<String>> propertyDependencies = new LinkedHashMap<>();
        JsonNode inputs = JsonNodeFactory.instance.objectNode();

        R(String type, String name, boolean custom) {
            this.type = type;
            this.name = name;
            this.custom = custom;
        }

        String urn() {
            return "urn:pulumi:test::proj::" + type + "::" + name;
        }

        R dependsOn(R... others) {
            for (R o : others) {
                dependencies.add(o.urn());
            }
            return this;
        }

        R input(String property, R from) {
            propertyDependencies.computeIfAbsent(property, k -> new ArrayList<>()).add(from.urn());
            return this;
        }

        R under(R p) {
            parent = p.urn();
            return this;
        }

        R via(R providerResource) {
            provider = providerResource.urn() + "::0a1b2c";
            return this;
        }

        PlannedResource planned() {
            return new PlannedResource(urn(), type, name, custom, parent, provider, List.copyOf(dependencies),
                    Map.copyOf(propertyDependencies), false, inputs);
        }
    }

    private static R custom(String type, String name) {
        return new R(type, name, true);
    }

    private static R component(String name) {
        return new R(COMPONENT, name, false);
    }

    private static CriticalPath.Result path(R... resources) {
        List<PlannedResource> planned = new ArrayList<>();
        for (R r : resources) {
            planned.add(r.planned());
        }
        return CriticalPath.of(new Plan("test", planned, Map.of()), TIMES);
    }

    private static List<String> names(CriticalPath.Result result) {
        return result.chain().stream().map(CriticalPath.Step::name).toList();
    }

    @Test
    void aChainSumsItsCreationTimes() {
        R a = custom(FAST, "a");
        R b = custom(MID, "b").dependsOn(a);
        R c = custom(SLOW, "c").input("subnetId", b);

        CriticalPath.Result result = path(c, b, a); // plan order does not matter

        assertEquals(10 + 120 + 600, result.totalSeconds());
        assertEquals(List.of("a", "b", "c"), names(result));
    }

    @Test
    void parallelBranchesTakeTheLongerOne() {
        R root = custom(FAST, "root");
        R slow = custom(SLOW, "slow").dependsOn(root);
        R mid = custom(MID, "mid").dependsOn(root);
        R join = custom(FAST, "join").dependsOn(slow, mid);

        CriticalPath.Result result = path(root, slow, mid, join);

        assertEquals(10 + 600 + 10, result.totalSeconds());
        assertEquals(List.of("root", "slow", "join"), names(result));
    }

    @Test
    void aDependencyOnAComponentWaitsForItsSlowestDescendant() {
        R site = component("site");
        R fast = custom(FAST, "fast").under(site);
        R inner = component("inner").under(site);
        R deep = custom(SLOW, "deep").under(inner);
        R consumer = custom(FAST, "consumer").dependsOn(site);

        CriticalPath.Result result = path(site, fast, inner, deep, consumer);

        assertEquals(600 + 10, result.totalSeconds());
        assertEquals(List.of("deep", "consumer"), names(result));
    }

    @Test
    void componentsTakeNoTimeThemselvesAndParentLinksAloneAreNotWaits() {
        R site = component("site"); // listed at 999 s in TIMES: must still count 0
        R owner = custom(SLOW, "owner").under(site);
        R child = custom(MID, "child").under(owner); // parent is a custom resource, no dependency

        CriticalPath.Result result = path(site, owner, child);

        assertEquals(600, result.totalSeconds());
        assertEquals(List.of("owner"), names(result));
        assertEquals(0, TIMES.seconds(site.planned()));
    }

    @Test
    void aDependencyOnACustomResourceDoesNotWaitForItsChildren() {
        R owner = custom(FAST, "owner");
        R ownersChild = custom(SLOW, "owners-child").under(owner);
        R consumer = custom(FAST, "consumer").dependsOn(owner);

        CriticalPath.Result result = path(owner, ownersChild, consumer);

        assertEquals(600, result.totalSeconds()); // owners-child alone; consumer ends at 20 s
        assertEquals(List.of("owners-child"), names(result));
    }

    @Test
    void theProviderResourceIsWaitedForAndTakesNoTime() {
        R cluster = custom(SLOW, "cluster");
        R provider = custom(K8S_PROVIDER, "k8s").input("kubeconfig", cluster); // listed at 999 s: must count 0
        R release = custom(MID, "release").via(provider); // no dependency but the provider reference

        CriticalPath.Result result = path(cluster, provider, release);

        assertEquals(600 + 0 + 120, result.totalSeconds());
        assertEquals(List.of("cluster", "k8s", "release"), names(result));
        assertEquals(0, result.chain().get(1).seconds());
    }

    @Test
    void theChainListsTheSlowestPathInOrderWithItsTimes() {
        R vpc = custom(FAST, "vpc");
        R gateway = custom(SLOW, "gateway").dependsOn(vpc);
        R subnet = custom(FAST, "subnet").dependsOn(vpc);
        R cluster = custom(MID, "cluster").dependsOn(subnet);
        R tunnel = custom(MID, "tunnel").dependsOn(gateway);
        R app = custom(FAST, "app").dependsOn(cluster, tunnel);

        CriticalPath.Result result = path(vpc, gateway, subnet, cluster, tunnel, app);

        assertEquals(List.of(
                new CriticalPath.Step(vpc.urn(), FAST, "vpc", 10, 10),
                new CriticalPath.Step(gateway.urn(), SLOW, "gateway", 600, 610),
                new CriticalPath.Step(tunnel.urn(), MID, "tunnel", 120, 730),
                new CriticalPath.Step(app.urn(), FAST, "app", 10, 740)), result.chain());
        assertEquals(740, result.totalSeconds());
        assertEquals(610, result.chain().get(2).startSeconds());
    }

    @Test
    void unknownTypesUseTheDefault() {
        R a = custom(UNKNOWN, "a");
        R b = custom(UNKNOWN, "b").dependsOn(a);

        assertEquals(7 + 7, path(a, b).totalSeconds());
        assertEquals(CreationTimes.DEFAULT_SECONDS, CreationTimes.typical().seconds("nobody:index:Knows"));
        assertEquals(10, CreationTimes.DEFAULT_SECONDS);
    }

    @Test
    void typicalFiguresKnowTheSlowTypesAndTellAReadReplicaFromAPrimary() {
        CreationTimes typical = CreationTimes.typical();
        assertEquals(45 * 60, typical.seconds("azure-native:network:VirtualNetworkGateway"));
        assertEquals(10 * 60, typical.seconds("aws:eks/cluster:Cluster"));

        R primary = custom("aws:rds/instance:Instance", "db");
        R replica = custom("aws:rds/instance:Instance", "db-replica");
        ObjectNode replicaInputs = JsonNodeFactory.instance.objectNode();
        replicaInputs.put("replicateSourceDb", "arn:aws:rds:us-east-1:123456789012:db:db");
        replica.inputs = replicaInputs;

        assertEquals(10 * 60, typical.seconds(primary.planned()));
        assertEquals(15 * 60, typical.seconds(replica.planned()));
        assertEquals(0, typical.seconds(custom("pulumi:providers:aws", "aws").planned()));
    }

    @Test
    void aResourceThatDependsOnItsOwnAncestorWaitsForTheRestOfIt() {
        R site = component("site");
        R slow = custom(SLOW, "slow").under(site);
        R waiter = custom(FAST, "waiter").under(site).dependsOn(site);

        CriticalPath.Result result = path(site, slow, waiter);

        assertEquals(600 + 10, result.totalSeconds());
        assertEquals(List.of("slow", "waiter"), names(result));
    }

    @Test
    void referencesOutsideThePlanAreIgnored() {
        R a = custom(MID, "a");
        a.dependencies.add("urn:pulumi:test::proj::pulumi:providers:aws::default_6_0_0");
        a.provider = "urn:pulumi:test::proj::pulumi:providers:aws::default_6_0_0::04da6b54";

        assertEquals(120, path(a).totalSeconds());
    }

    @Test
    void aCycleThrowsNamingItsResources() {
        R a = custom(FAST, "alpha");
        R b = custom(FAST, "beta").dependsOn(a);
        a.dependsOn(b);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> path(a, b));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertTrue(e.getMessage().contains("alpha (" + FAST + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("beta (" + FAST + ")"), e.getMessage());
    }

    @Test
    void aCycleThroughAComponentThrows() {
        R site = component("site");
        R inside = custom(FAST, "inside").under(site);
        R outside = custom(FAST, "outside").dependsOn(site);
        inside.input("peer", outside);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> path(site, inside, outside));
        assertTrue(e.getMessage().contains("site (" + COMPONENT + ")"), e.getMessage());
    }

    @Test
    void aLongPlanIsSolvedWithoutDeepRecursion() {
        List<R> chain = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            R r = custom(FAST, "r" + i);
            if (i > 0) {
                r.dependsOn(chain.get(i - 1));
            }
            chain.add(r);
        }

        CriticalPath.Result result = path(chain.toArray(R[]::new));

        assertEquals(5000 * 10, result.totalSeconds());
        assertEquals(5000, result.chain().size());
    }

    @Test
    void anEmptyPlanTakesNoTime() {
        CriticalPath.Result result = path(component("stack"));
        assertEquals(0, result.totalSeconds());
        assertEquals(List.of(), result.chain());
    }

    @Test
    void renderShowsMinutesWithOneDecimal() {
        R a = custom(MID, "a");
        R b = custom(SLOW, "b").dependsOn(a);

        String text = path(a, b).render();

        assertTrue(text.startsWith("Critical path of a first deployment: 12.0 min (720 s) over 2 resources"), text);
        assertTrue(text.contains("     2.0     10.0     12.0  " + SLOW + " b"), text);
    }
}
