package dev.multisite.ops.drill;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

import java.net.http.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cloud injectors speak the real APIs' wire formats; here they talk to loopback stand-ins. */
class CloudInjectorsTest {

    @Test
    void cloudflareInjectorDisablesThenEnablesThePoolWithTheToken() throws Exception {
        try (var api = new FakeApi()) {
            api.body = "{\"success\":true,\"errors\":[],\"result\":{\"enabled\":false}}";
            var injector = new CloudflarePoolInjector(HttpClient.newHttpClient(), api.uri(), "aws-use1", "acc123", "pool456", "tok-789");

            injector.inject();
            injector.restore();

            assertThat(api.requests).extracting(FakeApi.Request::method).containsExactly("PATCH", "PATCH");
            assertThat(api.requests).extracting(FakeApi.Request::path)
                    .containsOnly("/accounts/acc123/load_balancers/pools/pool456");
            assertThat(api.requests).extracting(FakeApi.Request::body).containsExactly("{\"enabled\":false}", "{\"enabled\":true}");
            assertThat(api.requests).extracting(FakeApi.Request::authorization).containsOnly("Bearer tok-789");
            assertThat(injector.describe()).doesNotContain("tok-789");
        }
    }

    @Test
    void cloudflareInjectorFailsLoudlyWhenTheApiRefuses() throws Exception {
        try (var api = new FakeApi()) {
            api.status = 403;
            api.body = "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}]}";
            var injector = new CloudflarePoolInjector(HttpClient.newHttpClient(), api.uri(), "s", "a", "p", "t");
            assertThatThrownBy(injector::inject).hasMessageContaining("HTTP 403").hasMessageContaining("Authentication error");
        }
    }

    @Test
    void route53InjectorFlipsInvertedOnTheDrainSwitchAndBack() throws Exception {
        try (var api = new FakeApi()) {
            api.contentType = "text/xml";
            api.body = "<?xml version=\"1.0\"?><UpdateHealthCheckResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                    + "<HealthCheck><Id>hc-1</Id><CallerReference>x</CallerReference><HealthCheckConfig><Type>HTTPS</Type>"
                    + "</HealthCheckConfig><HealthCheckVersion>2</HealthCheckVersion></HealthCheck></UpdateHealthCheckResponse>";
            try (var route53 = Route53Client.builder()
                    .endpointOverride(api.uri())
                    .region(Region.AWS_GLOBAL)
                    .httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                    .build()) {
                var injector = new Route53DrainInjector(route53, "aws-use1", "hc-1", true);
                injector.inject();
                injector.restore();
            }
            assertThat(api.requests).hasSize(2);
            assertThat(api.requests.get(0).path()).isEqualTo("/2013-04-01/healthcheck/hc-1");
            assertThat(api.requests.get(0).body()).contains("<Inverted>true</Inverted>");
            assertThat(api.requests.get(1).body()).contains("<Inverted>false</Inverted>");
        }
    }

    /** A geolocation record set as Cloud DNS API v1 returns it (RRSetRoutingPolicy.geo.items[].healthCheckedTargets). */
    private static final String GEO_RECORD_SET = "{\"kind\":\"dns#resourceRecordSet\",\"name\":\"app.example.com.\",\"type\":\"A\",\"ttl\":15,"
            + "\"routingPolicy\":{\"healthCheck\":\"projects/p/global/healthChecks/hc\",\"geo\":{\"items\":["
            + "{\"location\":\"europe-west4\",\"healthCheckedTargets\":{\"externalEndpoints\":[\"203.0.113.41\"]}},"
            + "{\"location\":\"us-east4\",\"healthCheckedTargets\":{\"externalEndpoints\":[\"203.0.113.42\"]}}]}}}";

    @Test
    void cloudDnsInjectorTakesTheSiteOutOfThePolicyAndPutsTheSameRecordSetBack() throws Exception {
        try (var api = new FakeApi()) {
            api.body = GEO_RECORD_SET;
            var injector = new CloudDnsPolicyInjector(HttpClient.newHttpClient(), api.uri(), "gcp-euw4", "dns-prod-1234", "example-com",
                    "app.example.com", "203.0.113.41", "ya29.token");

            injector.inject();
            injector.restore();

            assertThat(api.requests).extracting(FakeApi.Request::method).containsExactly("GET", "PATCH", "PATCH");
            assertThat(api.requests).extracting(FakeApi.Request::path)
                    .containsOnly("/projects/dns-prod-1234/managedZones/example-com/rrsets/app.example.com./A");
            assertThat(api.requests).extracting(FakeApi.Request::authorization).containsOnly("Bearer ya29.token");
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var drained = json.readTree(api.requests.get(1).body());
            assertThat(drained.path("routingPolicy").path("geo").path("items")).hasSize(1);
            assertThat(drained.path("routingPolicy").path("geo").path("items").get(0).path("location").asText()).isEqualTo("us-east4");
            assertThat(drained.path("routingPolicy").path("healthCheck").asText()).isEqualTo("projects/p/global/healthChecks/hc");
            assertThat(json.readTree(api.requests.get(2).body())).isEqualTo(json.readTree(GEO_RECORD_SET));
            assertThat(injector.describe()).doesNotContain("ya29.token");
        }
    }

    @Test
    void cloudDnsDrainOfAWeightedPolicyKeepsTheItemAtWeightZero() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var wrr = json.readTree("{\"routingPolicy\":{\"wrr\":{\"items\":[{\"weight\":50,\"healthCheckedTargets\":{\"externalEndpoints\":[\"203.0.113.41\"]}},"
                + "{\"weight\":50,\"healthCheckedTargets\":{\"externalEndpoints\":[\"203.0.113.42\"]}}]}}}");
        var drained = CloudDnsPolicyInjector.drained(wrr, "203.0.113.42");
        assertThat(drained.path("routingPolicy").path("wrr").path("items").get(1).path("weight").asInt()).isZero();
        assertThat(drained.path("routingPolicy").path("wrr").path("items").get(0).path("weight").asInt()).isEqualTo(50);
    }

    @Test
    void cloudDnsInjectorFailsLoudlyWhenTheApiRefuses() throws Exception {
        try (var api = new FakeApi()) {
            api.status = 403;
            api.body = "{\"error\":{\"code\":403,\"message\":\"Forbidden\"}}";
            var injector = new CloudDnsPolicyInjector(HttpClient.newHttpClient(), api.uri(), "s", "p-123456", "z", "app.example.com", "203.0.113.1", "t");
            assertThatThrownBy(injector::inject).hasMessageContaining("HTTP 403").hasMessageContaining("Forbidden");
            injector.restore();
            assertThat(api.requests).hasSize(1);
        }
    }
}
