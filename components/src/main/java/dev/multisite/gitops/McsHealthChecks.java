package dev.multisite.gitops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argo CD health checks for the Multi-Cluster Services kinds, which Argo CD does not ship: one Lua
 * script per kind under the argocd-cm key {@code resource.customizations.health.<group>_<kind>}
 * (Argo CD "Resource Health", custom health checks in argocd-cm; the argo-cd chart passes
 * {@code configs.cm} to argocd-cm). An unhealthy export then shows its app as Degraded.
 */
final class McsHealthChecks {
    static final String GROUP = "multicluster.x-k8s.io";
    static final String KEY_PREFIX = "resource.customizations.health.";

    private McsHealthChecks() {
    }

    /** argocd-cm key -> Lua script. */
    static Map<String, String> argocdCm() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(key("ServiceExport"), script("health-serviceexport.lua"));
        out.put(key("ServiceImport"), script("health-serviceimport.lua"));
        return out;
    }

    static String key(String kind) {
        return KEY_PREFIX + GROUP + "_" + kind;
    }

    static String script(String file) {
        try (InputStream in = McsHealthChecks.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/multisite/gitops/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
