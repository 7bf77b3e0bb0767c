package dev.multisite.traffic;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressPathArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressRuleValueArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressTLSArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.site.Site;
import dev.multisite.site.Workloads;
import dev.multisite.topology.TrafficSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The deep health app in one site: what every global health check probes. It answers
 * {@code /healthz} 200 only when the site's dependencies answer (see {@code healthz.py}), names the
 * site in the {@code X-Multisite-Site} header, and is published as {@code <site>.<hostname>} (by
 * ExternalDNS, from the Ingress) and under the global hostname.
 */
public final class HealthApp extends ComponentResource {
    public static final String TYPE = "multisite:traffic:HealthApp";

    static final String IMAGE = "python:3.12-alpine";
    static final Map<String, String> LABELS = Map.of("app.kubernetes.io/name", "multisite-healthz");

    /** The site's own name the health check probes ({@code <site>.<hostname>}). */
    public final Output<String> siteHostname;
    /** The in-cluster Service the Ingress sends to. */
    public final Output<String> serviceName;

    public HealthApp(String name, Site site, TrafficSettings traffic, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inNamespace = CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).build();
        Output<String> namespace = site.systemNamespace();
        var script = new ConfigMap(name + "-script", ConfigMapArgs.builder()
                .metadata(meta("multisite-healthz", namespace))
                .data(Map.of("healthz.py", script()))
                .build(), inNamespace);
        String siteHost = traffic.siteHostname(site.name());
        var container = ContainerArgs.builder()
                .name("healthz")
                .image(IMAGE)
                .command("python", "/app/healthz.py")
                .ports(ContainerPortArgs.builder().containerPort(8080).name("http").build())
                .env(EnvVarArgs.builder().name("SITE").value(site.name()).build(),
                        EnvVarArgs.builder().name("CHECK_URLS").value("").build(),
                        // Set by the data tier when it exists; optional, so the app runs without it.
                        EnvVarArgs.builder().name("DB_READ_HOST").valueFrom(EnvVarSourceArgs.builder()
                                .configMapKeyRef(ConfigMapKeySelectorArgs.builder().name("multisite-data").key("MULTISITE_DB_READ_HOST")
                                        .optional(true).build()).build()).build())
                .readinessProbe(ProbeArgs.builder().httpGet(HTTPGetActionArgs.builder().path("/").port(8080).build()).build())
                .volumeMounts(VolumeMountArgs.builder().name("app").mountPath("/app").readOnly(true).build())
                .build();
        var deployment = new Deployment(name + "-deployment", DeploymentArgs.builder()
                .metadata(meta("multisite-healthz", namespace))
                .spec(Workloads.deployment(2, LABELS, PodSpecArgs.builder()
                        .containers(container)
                        .volumes(VolumeArgs.builder().name("app").configMap(ConfigMapVolumeSourceArgs.builder()
                                .name(script.metadata().applyValue(m -> m.name().orElseThrow())).build()).build())
                        .build()))
                .build(), inNamespace);
        var service = new Service(name + "-service", ServiceArgs.builder()
                .metadata(meta("multisite-healthz", namespace))
                .spec(ServiceSpecArgs.builder().selector(LABELS)
                        .ports(ServicePortArgs.builder().name("http").port(80).targetPort(8080).build()).build())
                .build(), CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).dependsOn(deployment).build());
        new Ingress(name + "-ingress", IngressArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("multisite-healthz").namespace(namespace)
                        // ExternalDNS publishes the site's own name only; the global name belongs to the DNS backends.
                        .annotations(Map.of("external-dns.alpha.kubernetes.io/hostname", siteHost))
                        .build())
                .spec(IngressSpecArgs.builder()
                        .ingressClassName(traffic.ingressClass())
                        .tls(IngressTLSArgs.builder().hosts(siteHost, traffic.hostname()).secretName("multisite-healthz-tls").build())
                        .rules(rule(siteHost, service), rule(traffic.hostname(), service))
                        .build())
                .build(), inNamespace);
        this.siteHostname = Output.of(siteHost);
        this.serviceName = service.metadata().applyValue(m -> m.name().orElse(""));
        registerOutputs(Map.of("siteHostname", siteHostname, "serviceName", serviceName));
    }

    private static IngressRuleArgs rule(String host, Service service) {
        return IngressRuleArgs.builder().host(host).http(HTTPIngressRuleValueArgs.builder().paths(HTTPIngressPathArgs.builder()
                .path("/").pathType("Prefix")
                .backend(IngressBackendArgs.builder().service(IngressServiceBackendArgs.builder()
                        .name(service.metadata().applyValue(m -> m.name().orElseThrow()))
                        .port(ServiceBackendPortArgs.builder().number(80).build()).build()).build())
                .build()).build()).build();
    }

    private static ObjectMetaArgs meta(String name, Output<String> namespace) {
        return ObjectMetaArgs.builder().name(name).namespace(namespace).labels(LABELS).build();
    }

    static String script() {
        try (InputStream in = HealthApp.class.getResourceAsStream("healthz.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
