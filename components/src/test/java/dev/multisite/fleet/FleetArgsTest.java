package dev.multisite.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.infer.ComponentAnalyzer;
import com.pulumi.provider.internal.schema.PackageSpec;
import com.pulumi.resources.ResourceArgs;
import dev.multisite.fleet.probe.FleetProbe;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetArgsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Type> PROPERTY_TYPES = Set.of(String.class, Integer.class, Double.class, Boolean.class);

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "global", "data"})
    void exampleStacksSurviveTheRoundTrip(String stack) throws IOException {
        JsonNode topology = YAML.readTree(Path.of("../stacks/Pulumi." + stack + ".yaml").toFile()).path("config").path("multisite:topology");
        assertThat(topology.isObject()).as("multisite:topology of " + stack).isTrue();

        JsonNode tree = FleetArgs.fromTopology(topology, Map.of()).topologyTree();

        assertThat(tree).isEqualTo(withoutReplicasAll(topology));
        assertThatCode(() -> TopologyParser.parse(tree)).doesNotThrowAnyException();
        // From then on the tree is in the args' (the model's) key order, and stays so.
        assertThat(FleetArgs.fromTopology(tree, Map.of()).topologyTree().toString()).isEqualTo(tree.toString());
    }

    @Test
    void builtArgsGiveTheTopologyTree() throws IOException {
        var hubs = new LinkedHashMap<String, List<String>>();
        hubs.put("gcp", List.of("gcp-euw4"));
        hubs.put("aws", List.of("aws-use1"));
        FleetArgs args = FleetArgs.builder()
                .domain("dev.example.com")
                .environment("development")
                .sites(List.of(
                        site("aws-use1", "aws", "us-east-1", 1, "m6i.large").aws(AwsArgs.builder()
                                .availabilityZones(List.of("us-east-1a", "us-east-1b", "us-east-1d")).build()).build(),
                        site("gcp-euw4", "gcp", "europe-west4", 2, "e2-standard-4").gcp(GcpArgs.builder()
                                .project("multisite-dev-euw4").masterIpv4Cidr("192.168.2.0/28").build()).build()))
                .data(DataArgs.builder().primary("aws-use1").replicas(List.of("gcp-euw4")).build())
                .network(NetworkArgs.builder().interconnect(InterconnectArgs.builder().hubs(hubs).build()).build())
                .secrets(Map.of("unused", Output.of("never in the tree")))
                .build();

        JsonNode tree = args.topologyTree();

        JsonNode expected = JSON.readTree("""
                {"domain": "dev.example.com", "environment": "development", "sites": [
                  {"name": "aws-use1", "provider": "aws", "region": "us-east-1", "capacity": 50,
                   "network": {"vpcCidr": "10.1.0.0/16", "podCidr": "100.65.0.0/16", "serviceCidr": "172.16.1.0/24", "asn": 64513},
                   "mesh": {"clusterId": 1},
                   "kubernetes": {"version": "1.31", "apiAccessCidrs": ["203.0.113.0/24"],
                                  "nodePools": [{"name": "system", "machineType": "m6i.large", "min": 1, "max": 3}]},
                   "aws": {"availabilityZones": ["us-east-1a", "us-east-1b", "us-east-1d"]}},
                  {"name": "gcp-euw4", "provider": "gcp", "region": "europe-west4", "capacity": 50,
                   "network": {"vpcCidr": "10.2.0.0/16", "podCidr": "100.66.0.0/16", "serviceCidr": "172.16.2.0/24", "asn": 64514},
                   "mesh": {"clusterId": 2},
                   "kubernetes": {"version": "1.31", "apiAccessCidrs": ["203.0.113.0/24"],
                                  "nodePools": [{"name": "system", "machineType": "e2-standard-4", "min": 1, "max": 3}]},
                   "gcp": {"project": "multisite-dev-euw4", "masterIpv4Cidr": "192.168.2.0/28"}}],
                 "data": {"primary": "aws-use1", "replicas": ["gcp-euw4"]},
                 "network": {"interconnect": {"hubs": {"gcp": ["gcp-euw4"], "aws": ["aws-use1"]}}}}
                """);
        assertThat(tree).isEqualTo(expected);
        assertThat(tree.toString()).isEqualTo(expected.toString());
        Topology topology = TopologyParser.parse(tree);
        assertThat(topology.sites()).extracting(s -> s.asn()).containsExactly(64513L, 64514L);
        assertThat(topology.data().replicas().sites()).containsExactly("gcp-euw4");
    }

    @Test
    void wholeNumbersBeyondIntegerComeOutAsLongs() {
        var args = FleetArgs.builder().sites(List.of(SiteArgs.builder()
                .network(SiteNetworkArgs.builder().asn(4_200_000_001d).build()).build())).build();

        JsonNode asn = args.topologyTree().at("/sites/0/network/asn");

        assertThat(asn.isLong()).isTrue();
        assertThat(asn.longValue()).isEqualTo(4_200_000_001L);
    }

    @Test
    void replicasAllIsNullAndUnknownKeysAreErrors() throws IOException {
        JsonNode all = JSON.readTree("{\"domain\": \"example.com\", \"data\": {\"primary\": \"a\", \"replicas\": \"all\"}}");
        assertThat(FleetArgs.fromTopology(all, Map.of()).data().replicas()).isNull();
        assertThat(FleetArgs.fromTopology(all, Map.of()).topologyTree().path("data").has("replicas")).isFalse();

        assertThatThrownBy(() -> FleetArgs.fromTopology(JSON.readTree("{\"domian\": \"example.com\"}"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domian");
        assertThatThrownBy(() -> FleetArgs.fromTopology(JSON.readTree("{\"secrets\": {}}"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secrets");
        assertThatThrownBy(() -> FleetArgs.fromTopology(JSON.readTree("{\"peakDemand\": \"40\"}"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRecordComponentHasItsArgsField() {
        var problems = new ArrayList<String>();
        var mirror = mirror(problems);

        assertThat(problems).isEmpty();
        assertThat(mirror).containsEntry(Topology.class, FleetArgs.class);
        assertThat(mirror.values()).doesNotHaveDuplicates();
    }

    @Test
    void argsClassesFollowTheComponentHostsRules() {
        for (Class<?> args : mirror(new ArrayList<>()).values()) {
            assertThat(args.getSuperclass()).as(args.getSimpleName()).isEqualTo(ResourceArgs.class);
            assertThat(Modifier.isFinal(args.getModifiers()) && Modifier.isPublic(args.getModifiers())).as(args.getSimpleName()).isTrue();
            assertThatCode(() -> args.getConstructor().newInstance()).doesNotThrowAnyException();
            for (Field field : args.getDeclaredFields()) {
                String name = args.getSimpleName() + "." + field.getName();
                assertThat(Modifier.isStatic(field.getModifiers())).as(name + " is static").isFalse();
                assertThat(Modifier.isPrivate(field.getModifiers())).as(name + " is private").isTrue();
                assertThat(field.getAnnotation(Import.class)).as(name + " has @Import").isNotNull();
                assertThat(field.getAnnotation(Import.class).name()).as(name).isEqualTo(field.getName());
                assertThatCode(() -> args.getMethod(field.getName())).as(name + " getter").doesNotThrowAnyException();
                if (!field.getName().equals("secrets")) {
                    assertThat(allowed(field.getGenericType())).as(name + ": " + field.getGenericType()).isTrue();
                }
            }
        }
    }

    @Test
    void componentHostInfersTheSchema() {
        PackageSpec schema = ComponentAnalyzer.generateSchema(new Metadata("multisite", "0.0.0", null), FleetProbe.class);

        var probe = schema.getResources().get("multisite:index:FleetProbe");
        assertThat(probe.getInputProperties()).containsKeys("domain", "sites", "traffic", "data", "mesh", "gitops", "network", "secrets");
        assertThat(probe.getRequiredInputs()).containsExactlyInAnyOrder("domain", "sites");
        var argsClasses = mirror(new ArrayList<>()).values().stream().filter(c -> c != FleetArgs.class).toList();
        var typeNames = argsClasses.stream()
                .map(c -> "multisite:index:" + c.getSimpleName().substring(0, c.getSimpleName().length() - "Args".length()))
                .collect(Collectors.toSet());
        assertThat(typeNames).hasSize(argsClasses.size());
        assertThat(schema.getTypes().keySet()).isEqualTo(typeNames);
        assertThat(schema.getTypes().get("multisite:index:SiteNetwork").getProperties().get("asn").getType()).isEqualTo("number");
    }

    private static SiteArgs.Builder site(String name, String provider, String region, int clusterId, String machineType) {
        return SiteArgs.builder().name(name).provider(provider).region(region).capacity(50)
                .network(SiteNetworkArgs.builder().vpcCidr("10." + clusterId + ".0.0/16").podCidr("100." + (64 + clusterId) + ".0.0/16")
                        .serviceCidr("172.16." + clusterId + ".0/24").asn(64512d + clusterId).build())
                .mesh(SiteMeshArgs.builder().clusterId(clusterId).build())
                .kubernetes(KubernetesArgs.builder().version("1.31").apiAccessCidrs(List.of("203.0.113.0/24"))
                        .nodePools(List.of(NodePoolArgs.builder().name("system").machineType(machineType).min(1).max(3).build())).build());
    }

    private static JsonNode withoutReplicasAll(JsonNode topology) {
        var copy = topology.deepCopy();
        if (copy.get("data") instanceof ObjectNode data && "all".equals(data.path("replicas").textValue())) {
            data.remove("replicas");
        }
        return copy;
    }

    /** Walks the topology records from {@link Topology} beside the args classes from {@link FleetArgs}: record to args class. */
    private static Map<Class<?>, Class<?>> mirror(List<String> problems) {
        var mirror = new LinkedHashMap<Class<?>, Class<?>>();
        walk(Topology.class, FleetArgs.class, "topology", mirror, problems);
        return mirror;
    }

    private static void walk(Class<?> record, Class<?> args, String path, Map<Class<?>, Class<?>> mirror, List<String> problems) {
        if (mirror.putIfAbsent(record, args) != null) {
            return;
        }
        var components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        var fields = Arrays.stream(args.getDeclaredFields()).map(Field::getName).filter(f -> !f.equals("secrets")).toList();
        if (!fields.equals(components)) {
            // Same names in the same order: the tree's keys come out in the model's order.
            problems.add(path + ": " + args.getSimpleName() + " has fields " + fields + ", " + record.getSimpleName() + " has " + components);
        }
        for (RecordComponent component : record.getRecordComponents()) {
            Field field;
            try {
                field = args.getDeclaredField(component.getName());
            } catch (NoSuchFieldException e) {
                problems.add(path + "." + component.getName() + ": no field in " + args.getSimpleName());
                continue;
            }
            follow(component.getGenericType(), field.getGenericType(), path + "." + component.getName(), mirror, problems);
        }
    }

    private static void follow(Type model, Type args, String path, Map<Class<?>, Class<?>> mirror, List<String> problems) {
        if (model instanceof ParameterizedType m && (m.getRawType() == List.class || m.getRawType() == Map.class)) {
            int element = m.getRawType() == List.class ? 0 : 1;
            if (args instanceof ParameterizedType a && a.getRawType() == m.getRawType()) {
                follow(m.getActualTypeArguments()[element], a.getActualTypeArguments()[element], path + "[]", mirror, problems);
            } else {
                problems.add(path + ": " + args.getTypeName() + " where the model has " + model.getTypeName());
            }
        } else if (model instanceof Class<?> type && type.isRecord() && !isScalar(type)) {
            if (args instanceof Class<?> argsType && ResourceArgs.class.isAssignableFrom(argsType)) {
                walk(type, argsType, path, mirror, problems);
            } else {
                problems.add(path + ": " + args.getTypeName() + " where the model has the record " + type.getSimpleName());
            }
        } else if (model instanceof Class<?> type && type.isSealed() && args instanceof Class<?> argsType
                && ResourceArgs.class.isAssignableFrom(argsType)) {
            // A one-key union (DnsBackend): one args field per permitted record, named by its Jackson subtype name.
            mirror.putIfAbsent(type, argsType);
            var subtypes = type.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
            var fields = Arrays.stream(argsType.getDeclaredFields()).map(Field::getName).toList();
            var keys = Arrays.stream(subtypes.value()).map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name).toList();
            if (!fields.equals(keys)) {
                problems.add(path + ": " + argsType.getSimpleName() + " has fields " + fields + ", " + type.getSimpleName() + " has " + keys);
            }
            for (var subtype : subtypes.value()) {
                try {
                    walk(subtype.value(), argsType.getDeclaredField(subtype.name()).getType(), path + "." + subtype.name(), mirror, problems);
                } catch (NoSuchFieldException e) {
                    problems.add(path + "." + subtype.name() + ": no field in " + argsType.getSimpleName());
                }
            }
        }
    }

    /** A record read from a scalar or a union ({@code Cidr}, {@code Replicas}): a value, not a block. */
    private static boolean isScalar(Class<?> record) {
        return Arrays.stream(record.getDeclaredMethods()).anyMatch(m -> Modifier.isStatic(m.getModifiers())
                && m.isAnnotationPresent(JsonCreator.class));
    }

    private static boolean allowed(Type type) {
        if (type instanceof ParameterizedType p) {
            Type[] arguments = p.getActualTypeArguments();
            return p.getRawType() == List.class ? allowed(arguments[0])
                    : p.getRawType() == Map.class && arguments[0] == String.class && allowed(arguments[1]);
        }
        return PROPERTY_TYPES.contains(type) || type instanceof Class<?> c && ResourceArgs.class.isAssignableFrom(c);
    }
}
