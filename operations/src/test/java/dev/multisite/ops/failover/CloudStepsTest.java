package dev.multisite.ops.failover;

import dev.multisite.ops.drill.FakeApiAccess;
import dev.multisite.topology.FailoverStepKind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The cloud steps' requests, as the AWS SDK's own models marshal them, sent to a loopback stand-in of the API. */
class CloudStepsTest {
    /** RDS's answer to PromoteReadReplica (Query API, XML). */
    private static final String PROMOTED = "<PromoteReadReplicaResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><PromoteReadReplicaResult>"
            + "<DBInstance><DBInstanceIdentifier>aws-usw2-db</DBInstanceIdentifier></DBInstance></PromoteReadReplicaResult>"
            + "</PromoteReadReplicaResponse>";
    /** Route 53's answer to UpdateHealthCheck (REST XML). */
    private static final String HEALTH_CHECK_UPDATED = "<?xml version=\"1.0\"?><UpdateHealthCheckResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
            + "<HealthCheck><Id>hc-1</Id><CallerReference>r</CallerReference><HealthCheckConfig><Type>CALCULATED</Type></HealthCheckConfig>"
            + "<HealthCheckVersion>2</HealthCheckVersion></HealthCheck></UpdateHealthCheckResponse>";

    /** An SDK client as the CLI builds one (URL connection HTTP client), with fixed example credentials. */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, Region region) {
        return builder.region(region).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).build();
    }

    /** A step executed against the stand-in, and the paths and bodies of the requests it sent. */
    private record Sent<S>(S step, List<String> paths, List<String> bodies) {
    }

    /** Builds the step against a loopback stand-in of the API that answers {@code response} (HTTP 200), and executes it. */
    private static <S extends CloudStep> Sent<S> executed(String response, Function<URI, S> build) throws Exception {
        try (var api = new FakeApiAccess()) {
            api.respond(200, response);
            S step = build.apply(api.uri());
            step.execute();
            return new Sent<>(step, api.paths(), api.bodies());
        }
    }

    @Test
    void rdsPromoteSendsPromoteReadReplicaWithTheInstanceIdentifier() throws Exception {
        var sent = executed(PROMOTED,
                uri -> AwsSteps.rdsPromote(client(RdsClient.builder().endpointOverride(uri), Region.US_WEST_2), "aws-usw2", "aws-usw2-db"));

        // RDS Query API: Action=PromoteReadReplica, Version=2014-10-31, DBInstanceIdentifier (API Reference, PromoteReadReplica).
        String body = URLDecoder.decode(sent.bodies().get(0), StandardCharsets.UTF_8);
        assertThat(body).contains("Action=PromoteReadReplica", "Version=2014-10-31", "DBInstanceIdentifier=aws-usw2-db");
        assertThat(sent.step().reversible()).isFalse();
        assertThat(sent.step().requestModel().sdkFields()).anyMatch(f -> f.locationName().equals("DBInstanceIdentifier"));
    }

    @Test
    void route53DrainSendsUpdateHealthCheckInverted() throws Exception {
        var sent = executed(HEALTH_CHECK_UPDATED,
                uri -> AwsSteps.route53Drain(client(Route53Client.builder().endpointOverride(uri), Region.AWS_GLOBAL), "aws-use1", "hc-1"));
        // Route 53 REST XML: POST /2013-04-01/healthcheck/{Id} with <Inverted>true</Inverted> (API Reference, UpdateHealthCheck).
        assertThat(sent.paths()).containsExactly("/2013-04-01/healthcheck/hc-1");
        assertThat(sent.bodies().get(0)).contains("<Inverted>true</Inverted>");
    }

    @Test
    void aDryRunSendsNothingAndAOneWayRunSaysSoFirst() throws Exception {
        var hub = new CommandStep(FailoverStepKind.MOVE_HUB, "move the Argo CD hub to gcp-euw4",
                List.of("./multisite", "fleet", "up", "--stack", "prod", "--only", "gitops"));
        var promote = AwsSteps.rdsPromote(client(RdsClient.builder(), Region.US_WEST_2), "aws-usw2", "aws-usw2-db");
        var out = new StringWriter();
        var ran = CloudFailover.run(List.of(hub, promote), true, new PrintWriter(out));
        assertThat(ran).containsExactly(promote, hub);
        assertThat(out.toString()).startsWith("WARNING: this run cannot restore what it changes: promote the RDS read replica aws-usw2-db")
                .contains("PromoteReadReplicaRequest(DBInstanceIdentifier=aws-usw2-db)", "./multisite fleet up --stack prod --only gitops");
    }
}
