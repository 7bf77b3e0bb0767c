package dev.multisite.site;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.multisite.bindings.BoundedCheck;
import dev.multisite.bindings.LocalCommand;

import java.util.Map;

/**
 * Proves that the deploying principal's role on a new AKS cluster has taken effect before anything
 * uses the site's Kubernetes provider. Microsoft Learn, "Use Azure RBAC for Kubernetes
 * authorization": role assignments "can take up to five minutes to propagate", so the assignment
 * existing (what the kubeconfig waited for) is not enough, and the first Cilium release and
 * namespaces would get 403. The check runs {@code kubectl auth can-i '*' '*' --all-namespaces} with
 * the site's kubeconfig (kubelogin, as the provider will) every {@value #INTERVAL_SECONDS} s, at most
 * {@value #ATTEMPTS} times (twice Microsoft's bound), and fails with one clear line if access never
 * comes; the site's kubeconfig, and so its provider and every Kubernetes resource, waits for it.
 */
public final class AksAccessCheck {
    static final int ATTEMPTS = 60;
    static final int INTERVAL_SECONDS = 10;

    private AksAccessCheck() {
    }

    /** The check for one site; {@code kubeconfig} is the site's (secret) kubeconfig, passed in the environment. */
    static LocalCommand create(String site, Output<String> kubeconfig, Resource parent) {
        Output<Map<String, String>> environment = kubeconfig.applyValue(k -> Map.of("MULTISITE_KUBECONFIG", k)).asSecret();
        return BoundedCheck.create(site + "-access-check", site + "-command", script(site), environment, parent);
    }

    /** The bounded wait: a pure function of the site's name, so the plan shows exactly what runs. */
    static String script(String site) {
        return BoundedCheck.script("""
                        kubeconfig="$(mktemp)"
                        trap 'rm -f "$kubeconfig"' EXIT
                        printf '%s' "$MULTISITE_KUBECONFIG" > "$kubeconfig"
                        """,
                "kubectl --kubeconfig \"$kubeconfig\" auth can-i '*' '*' --all-namespaces >/dev/null 2>&1",
                ATTEMPTS, INTERVAL_SECONDS, 0,
                site + ": the deploying principal still cannot administer the cluster " + ATTEMPTS * INTERVAL_SECONDS
                        + " s after its Azure Kubernetes Service RBAC Cluster Admin assignment (kubectl auth can-i '*' '*' --all-namespaces);"
                        + " check the role assignment and that kubectl and kubelogin are on PATH, then run pulumi up again");
    }
}
