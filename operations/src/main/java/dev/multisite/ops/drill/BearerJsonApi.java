package dev.multisite.ops.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A JSON REST API called with a bearer token, as the Cloudflare v4 and Cloud DNS v1 injectors call
 * theirs: every request bounded, the answer parsed (an empty body as an empty object). The token
 * goes into the Authorization header only, never into a message.
 */
record BearerJsonApi(HttpClient http, URI base, String token) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Names the API only: the token must not reach a log or a message. */
    @Override
    public String toString() {
        return "BearerJsonApi[" + base + "]";
    }

    /** The client a drill uses against a real API: connecting is bounded too. */
    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** One answer: the HTTP status and the parsed body. */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** Sends {@code body} (null: none) as JSON to {@code path} below the API's base. */
    Answer send(String method, String path, Object body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body()));
    }
}
