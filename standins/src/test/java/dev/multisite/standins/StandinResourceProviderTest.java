package dev.multisite.standins;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in provider driven with the requests the engine sends (pulumi/pulumi
 * sdk/go/common/resource/plugin/provider_plugin.go: Configure with the provider's args, then Check,
 * Diff, Create per resource), directly on the gRPC service.
 */
class StandinResourceProviderTest {
    private static final String CLUSTER = "urn:pulumi:dev::multisite::multisite:index:Fleet$aws:eks/cluster:Cluster::aws-use1-cluster";

    private final StandinResourceProvider aws = provider("aws");

    @Test
    void checkNamesTheResourceAndTheInputThePinnedSdkDoesNotDeclare() {
        CheckResponse response = call(o -> aws.check(check(CLUSTER, Map.of("roleArn", "arn:aws:iam::1:role/x",
                "vpcConfig", Map.of("subnetIds", List.of("subnet-1")), "nodeCount", 3)), o));

        assertThat(response.getFailuresList()).hasSize(1);
        assertThat(response.getFailures(0).getProperty()).isEqualTo("nodeCount");
        assertThat(response.getFailures(0).getReason()).startsWith(CLUSTER + ": input nodeCount is not declared by com.pulumi.aws.eks.ClusterArgs");
    }

    @Test
    void checkRefusesAWrongJsonTypeAndAMissingRequiredInputByTheArgsClass() {
        // ClusterArgs: roleArn Output<String> and vpcConfig Output<ClusterVpcConfigArgs>, both required.
        CheckResponse response = call(o -> aws.check(check(CLUSTER, Map.of("roleArn", 12, "version", "1.31")), o));

        assertThat(response.getFailuresList()).extracting(f -> f.getProperty() + " | " + f.getReason()).containsExactlyInAnyOrder(
                "roleArn | " + CLUSTER + ": input roleArn is a number but com.pulumi.aws.eks.ClusterArgs declares String",
                "vpcConfig | " + CLUSTER + ": required input vpcConfig is missing (com.pulumi.aws.eks.ClusterArgs declares it required)");
    }

    @Test
    void checkGoesIntoNestedArgsAndListsAndAcceptsUnknownsAndSecrets() {
        Value unknown = PropertyValues.unknown();
        Value secret = Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(PropertyValues.SIG, PropertyValues.value(PropertyValues.SECRET_SIG))
                .putFields("value", PropertyValues.value("arn:aws:iam::1:role/x"))).build();
        CheckResponse ok = call(o -> aws.check(check(CLUSTER, Map.of("roleArn", secret, "vpcConfig", Map.of("subnetIds", List.of(unknown)))), o));
        CheckResponse bad = call(o -> aws.check(check(CLUSTER, Map.of("roleArn", "r", "vpcConfig", Map.of("subnetIds", List.of("a", true)))), o));

        assertThat(ok.getFailuresList()).isEmpty();
        assertThat(bad.getFailuresList()).extracting(f -> f.getProperty()).containsExactly("vpcConfig.subnetIds[1]");
        assertThat(bad.getFailures(0).getReason()).contains("is a boolean but com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs declares String");
    }

    @Test
    void checkReadsThisProjectsBindingsForPackagesWithoutAJavaSdk() {
        var tls = provider("tls");
        String key = "urn:pulumi:dev::multisite::tls:index/privateKey:PrivateKey::mesh-ca-key";

        CheckResponse good = call(o -> tls.check(check(key, Map.of("algorithm", "ECDSA", "ecdsaCurve", "P256")), o));
        CheckResponse missing = call(o -> tls.check(check(key, Map.of("ecdsaCurve", "P256")), o));

        assertThat(good.getFailuresList()).isEmpty();
        assertThat(missing.getFailuresList())
                .extracting(f -> f.getProperty()).containsExactly("algorithm");
    }

    @Test
    void checkTypesABindingsPlainInputsByTheirJavaTypes() {
        // The bindings declare inputs known when the program runs as plain fields (Integer, List<Origin>), not Output<T>.
        var cloudflare = provider("cloudflare");
        String monitor = "urn:pulumi:dev::multisite::cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor::m";
        String pool = "urn:pulumi:dev::multisite::cloudflare:index/loadBalancerPool:LoadBalancerPool::p";

        CheckResponse good = call(o -> cloudflare.check(check(monitor, Map.of("accountId", "a", "method", "GET", "port", 443,
                "retries", 0, "expectedBody", "ok")), o));
        CheckResponse wrong = call(o -> cloudflare.check(check(pool, Map.of("accountId", "a", "name", "site-a", "minimumOrigins", "1",
                "origins", List.of(Map.of("name", "o", "address", "a.example.com", "headers", List.of(Map.of("header", "Host", "values", "x")))))), o));

        assertThat(good.getFailuresList()).isEmpty();
        assertThat(wrong.getFailuresList()).extracting(f -> f.getProperty()).containsExactlyInAnyOrder("minimumOrigins", "origins[0].headers[0].values");
    }

    @Test
    void checkReadsAnInputABindingInheritsFromItsSuperclass() {
        // GcpRecordSet.Wrr declares weight; healthCheckedTargets is declared once, by the routing item both Wrr and Geo extend.
        String urn = "urn:pulumi:dev::multisite::gcp:dns/recordSet:RecordSet::r";
        var wrr = Map.of("weight", 1, "healthCheckedTargets", Map.of("externalEndpoints", List.of(7)));

        var failures = new DeclaredInputs(dev.multisite.bindings.GcpRecordSet.Args.class).check(urn, PropertyValues.struct(Map.of(
                "managedZone", "zone", "name", "app.example.com.", "type", "A", "routingPolicy", Map.of("wrrs", List.of(wrr)))));

        assertThat(failures).extracting(DeclaredInputs.Failure::property)
                .containsExactly("routingPolicy.wrrs[0].healthCheckedTargets.externalEndpoints[0]");
    }

    @Test
    void checkRefusesATypeThePackageDoesNotHave() {
        CheckResponse response = call(o -> aws.check(check("urn:pulumi:dev::multisite::aws:eks/kluster:Kluster::x", Map.of()), o));

        assertThat(response.getFailures(0).getReason()).contains("aws:eks/kluster:Kluster is not a resource type of aws 6.83.0");
    }

    @Test
    void createAnswersWithThePlannersOutputsInTheProvidersRegionAndLeavesThemUnknownInAPreview() {
        configure(aws, Map.of("region", "eu-west-1"));
        Struct inputs = PropertyValues.struct(Map.of("roleArn", "arn:aws:iam::1:role/x", "vpcConfig", Map.of("subnetIds", List.of("s"))));

        CreateResponse created = call(o -> aws.create(CreateRequest.newBuilder().setUrn(CLUSTER).setProperties(inputs).build(), o));
        CreateResponse previewed = call(o -> aws.create(CreateRequest.newBuilder().setUrn(CLUSTER).setProperties(inputs).setPreview(true).build(), o));

        assertThat(created.getId()).isNotEmpty();
        assertThat(created.getProperties().getFieldsOrThrow("endpoint").getStringValue()).endsWith(".eu-west-1.eks.amazonaws.com");
        assertThat(created.getProperties().getFieldsOrThrow("roleArn").getStringValue()).isEqualTo("arn:aws:iam::1:role/x");
        assertThat(previewed.getId()).isEmpty();
        assertThat(PropertyValues.isUnknown(previewed.getProperties().getFieldsOrThrow("endpoint"))).isTrue();
        assertThat(previewed.getProperties().getFieldsOrThrow("roleArn").getStringValue()).isEqualTo("arn:aws:iam::1:role/x");
    }

    @Test
    void diffReportsChangedInputsAsUpdatesAndUnknownsAsChanges() {
        Struct old = PropertyValues.struct(Map.of("roleArn", "a", "version", "1.31"));
        DiffResponse same = call(o -> aws.diff(DiffRequest.newBuilder().setUrn(CLUSTER).setOldInputs(old).setOlds(old).setNews(old).build(), o));
        DiffResponse changed = call(o -> aws.diff(DiffRequest.newBuilder().setUrn(CLUSTER).setOldInputs(old).setOlds(old)
                .setNews(PropertyValues.struct(Map.of("roleArn", PropertyValues.unknown(), "version", "1.32"))).build(), o));

        assertThat(same.getChanges()).isEqualTo(DiffResponse.DiffChanges.DIFF_NONE);
        assertThat(changed.getChanges()).isEqualTo(DiffResponse.DiffChanges.DIFF_SOME);
        assertThat(changed.getDiffsList()).containsExactly("roleArn", "version");
        assertThat(changed.getReplacesList()).isEmpty();
    }

    @Test
    void invokeAnswersAsThePlannerDoes() {
        var azure = provider("azure-native");
        InvokeResponse response = call(o -> azure.invoke(InvokeRequest.newBuilder()
                .setTok("azure-native:authorization:getClientConfig").setArgs(Struct.getDefaultInstance()).build(), o));

        assertThat(response.getReturn().getFieldsOrThrow("objectId").getStringValue()).isEqualTo(dev.multisite.offline.PlanMocks.DEPLOYER_OBJECT_ID);
    }

    private static StandinResourceProvider provider(String name) {
        StandinPackage pkg = StandinPackage.named(name);
        return new StandinResourceProvider(pkg, new ResourceClasses(pkg, StandinResourceProviderTest.class.getClassLoader()));
    }

    private static void configure(StandinResourceProvider provider, Map<String, Object> args) {
        ConfigureResponse r = call(o -> provider.configure(ConfigureRequest.newBuilder().setArgs(PropertyValues.struct(args))
                .setUrn("urn:pulumi:dev::multisite::pulumi:providers:aws::aws-euw1").setAcceptSecrets(true).build(), o));
        assertThat(r.getSupportsPreview()).isTrue();
    }

    private static CheckRequest check(String urn, Map<String, ?> news) {
        return CheckRequest.newBuilder().setUrn(urn).setNews(PropertyValues.struct(news)).build();
    }

    private interface Call<T> {
        void run(StreamObserver<T> observer);
    }

    private static <T> T call(Call<T> call) {
        List<T> values = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        call.run(new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                values.add(value);
            }

            @Override
            public void onError(Throwable t) {
                errors.add(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        assertThat(errors).isEmpty();
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
