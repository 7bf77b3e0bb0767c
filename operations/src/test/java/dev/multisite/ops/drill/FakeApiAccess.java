package dev.multisite.ops.drill;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** {@link FakeApi} (a loopback stand-in of a cloud API) for tests in other packages. */
public final class FakeApiAccess implements AutoCloseable {
    private final FakeApi api = new FakeApi();

    public FakeApiAccess() throws IOException {
    }

    /** Answers every request with this status and XML body. */
    public void respond(int status, String xml) {
        api.status = status;
        api.body = xml;
        api.contentType = "text/xml";
    }

    public URI uri() {
        return api.uri();
    }

    public List<String> bodies() {
        return api.requests.stream().map(FakeApi.Request::body).toList();
    }

    public List<String> paths() {
        return api.requests.stream().map(FakeApi.Request::path).toList();
    }

    @Override
    public void close() {
        api.close();
    }
}
