package dev.multisite.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.WorkloadIdentity;
import dev.multisite.topology.DnsBackend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ExternalDNS in one site, from the official chart, publishing only the site's own names
 * ({@code <site>.<hostname>}, {@code <site>.mesh.<domain>}) that its backend is authoritative for
 * ({@link dev.multisite.topology.DnsAuthority}; a site whose names live in two backends runs one
 * instance per backend), under a TXT owner id distinct per site, with {@code upsert-only}.
 *
 * <p>Credentials, never static keys: for Route 53 an IAM role that trusts only this cluster's
 * OIDC issuer and this service account (web identity; the same on EKS, GKE and AKS, whose issuers
 * AWS can federate) and may change records only in the one hosted zone; for Cloudflare the scoped
 * API token, held in a Kubernetes Secret.
 */
public final class ExternalDns extends ComponentResource {
    public static final String TYPE = "multisite:traffic:ExternalDns";
    public static final String NAMESPACE = "external-dns";
    public static final String SERVICE_ACCOUNT = "external-dns";
    static final String TOKEN_DIR = "/var/run/secrets/aws";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The TXT registry owner id: distinct per site, so sites never delete each other's records. */
    public final Output<String> ownerId;

    public ExternalDns(String name, ExternalDnsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var site = args.site();
        var onSite = CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).build();
        var namespace = new Namespace(name + "-ns", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(args.namespace()).labels(Map.of("multisite/site", site.name())).build())
                .build(), onSite);
        var inNamespace = CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).dependsOn(namespace).build();
        // What the release must wait for besides its namespace: for Route 53, the role's IAM check.
        var releaseWaitsFor = new ArrayList<Resource>(List.of(namespace));

        // One method per backend: a new DNS backend does not compile until its ExternalDNS provider is set up here.
        Output<ExternalDnsValues> values = args.backend().match(new DnsBackend.Cases<>() {
            @Override
            public Output<ExternalDnsValues> route53(DnsBackend.Route53Backend r53) {
                String zoneId = r53.hostedZoneId();
                Role role = route53Role(name, args, zoneId, releaseWaitsFor);
                return role.arn().applyValue(arn -> values(args, "aws", List.of("--zone-id-filter=" + zoneId, "--aws-zone-type=public"),
                        List.of(ExternalDnsValues.EnvVar.of("AWS_ROLE_ARN", arn),
                                ExternalDnsValues.EnvVar.of("AWS_WEB_IDENTITY_TOKEN_FILE", TOKEN_DIR + "/token"),
                                ExternalDnsValues.EnvVar.of("AWS_REGION", "us-east-1")), awsTokenVolumes(), awsTokenMounts(), Map.of()));
            }

            @Override
            public Output<ExternalDnsValues> cloudflare(DnsBackend.CloudflareBackend cf) {
                new Secret(name + "-cloudflare", SecretArgs.builder()
                        .metadata(ObjectMetaArgs.builder().name("cloudflare-api-token").namespace(args.namespace()).build())
                        .stringData(args.cloudflareToken().applyValue(token -> Map.of("apiToken", token)).asSecret())
                        .build(), inNamespace);
                return Output.of(values(args, "cloudflare", List.of("--zone-id-filter=" + cf.zoneId()),
                        List.of(ExternalDnsValues.EnvVar.fromSecret("CF_API_TOKEN", "cloudflare-api-token", "apiToken")), List.of(), List.of(), Map.of()));
            }

            @Override
            public Output<ExternalDnsValues> clouddns(DnsBackend.CloudDnsBackend gcp) {
                return cloudDns(name, args, gcp, releaseWaitsFor, inNamespace);
            }
        });
        new Release(name + "-release", ReleaseArgs.builder()
                .name(args.releaseName())
                .chart("external-dns")
                .version(args.chartVersion())
                .namespace(args.namespace())
                .repositoryOpts(RepositoryOptsArgs.builder().repo("https://kubernetes-sigs.github.io/external-dns/").build())
                .values(values.applyValue(ExternalDnsValues::toMap))
                .build(), CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).dependsOn(releaseWaitsFor).build());
        this.ownerId = Output.of(args.ownerId());
        registerOutputs(Map.of("ownerId", ownerId));
    }

    private static List<Map<String, Object>> awsTokenVolumes() {
        return List.of(projectedToken("aws-token", "sts.amazonaws.com"));
    }

    private static List<Map<String, Object>> awsTokenMounts() {
        return List.of(Map.of("name", "aws-token", "mountPath", TOKEN_DIR, "readOnly", true));
    }

    /** A projected service account token volume for {@code audience}, as a cloud's token exchange expects it. */
    private static Map<String, Object> projectedToken(String volume, String audience) {
        return Map.of("name", volume, "projected", Map.of("sources",
                List.of(Map.of("serviceAccountToken", Map.of("audience", audience, "expirationSeconds", 3600, "path", "token")))));
    }

    private static ExternalDnsValues values(ExternalDnsArgs args, String provider, List<String> extraArgs, List<ExternalDnsValues.EnvVar> env,
                                            List<Map<String, Object>> volumes, List<Map<String, Object>> mounts, Map<String, String> accountAnnotations) {
        return new ExternalDnsValues(new ExternalDnsValues.Provider(provider), List.of("ingress", "service"),
                args.domainFilters(), "upsert-only", "txt", args.ownerId(), "multisite-", "1m", env, volumes, mounts,
                new ExternalDnsValues.ServiceAccount(true, args.releaseName(), accountAnnotations), extraArgs);
    }

    /** GKE Workload Identity: the Kubernetes service account acts as the Google service account this annotation names. */
    static final String GKE_SERVICE_ACCOUNT_ANNOTATION = "iam.gke.io/gcp-service-account";
    static final String GCP_CREDENTIALS_DIR = "/etc/multisite/gcp";
    static final String GCP_TOKEN_DIR = "/var/run/secrets/gcp";

    /**
     * ExternalDNS's google provider ({@code --google-project} of the zone, {@code
     * --google-zone-visibility=public}, the managed zone as zone id filter) acting as a Google
     * service account that may change records in the one managed zone only ({@code roles/dns.admin}
     * bound on that zone). Who may act as it ({@code roles/iam.workloadIdentityUser}):
     * <ul>
     *   <li>GKE: the instance's Kubernetes service account through the cluster's workload pool
     *       ({@code serviceAccount:<pool>[<namespace>/<ksa>]}), named by the KSA annotation;</li>
     *   <li>EKS and AKS: Workload Identity Federation with Kubernetes (Google Cloud IAM,
     *       "Configure Workload Identity Federation with Kubernetes"): a pool with an OIDC provider
     *       trusting the cluster's issuer, the pool's principal for the service account's subject,
     *       and a credential configuration ({@code external_account}) that exchanges the pod's
     *       projected token and impersonates the account.</li>
     * </ul>
     */
    private Output<ExternalDnsValues> cloudDns(String name, ExternalDnsArgs args, dev.multisite.topology.DnsBackend.CloudDnsBackend gcp,
                                               List<Resource> releaseWaitsFor, CustomResourceOptions inNamespace) {
        WorkloadIdentity identity = args.site().workloadIdentity().orElseThrow(() -> new IllegalStateException(
                "site " + args.site().name() + " has no workload identity for Cloud DNS"));
        var provider = new com.pulumi.gcp.Provider(name + "-gcp", com.pulumi.gcp.ProviderArgs.builder().project(gcp.project()).build(),
                CustomResourceOptions.builder().parent(this).build());
        var onGcp = CustomResourceOptions.builder().parent(this).provider(provider).build();
        // Account and pool ids are 6-30 and 4-32 characters: the site's name is cut to fit after the prefix.
        String id = ("xdns-" + args.site().name()).replaceAll("[^a-z0-9-]", "-");
        id = id.substring(0, Math.min(30, id.length())).replaceAll("-+$", "");
        var account = new com.pulumi.gcp.serviceaccount.Account(name + "-gsa", com.pulumi.gcp.serviceaccount.AccountArgs.builder()
                .accountId(id)
                .displayName("ExternalDNS of site " + args.site().name() + ": Cloud DNS zone " + gcp.managedZone() + " only")
                .project(gcp.project())
                .build(), onGcp);
        releaseWaitsFor.add(new com.pulumi.gcp.dns.DnsManagedZoneIamMember(name + "-zone", com.pulumi.gcp.dns.DnsManagedZoneIamMemberArgs.builder()
                .project(gcp.project())
                .managedZone(gcp.managedZone())
                .role("roles/dns.admin")
                .member(account.email().applyValue(e -> "serviceAccount:" + e))
                .build(), onGcp));
        List<String> flags = List.of("--google-project=" + gcp.project(), "--google-zone-visibility=public", "--zone-id-filter=" + gcp.managedZone());
        String subject = "system:serviceaccount:" + args.namespace() + ":" + args.releaseName();
        if (identity.kind() == WorkloadIdentity.Kind.GCP_WORKLOAD_IDENTITY) {
            releaseWaitsFor.add(new com.pulumi.gcp.serviceaccount.IAMMember(name + "-wi", com.pulumi.gcp.serviceaccount.IAMMemberArgs.builder()
                    .serviceAccountId(account.name())
                    .role("roles/iam.workloadIdentityUser")
                    .member("serviceAccount:" + identity.workloadPool() + "[" + args.namespace() + "/" + args.releaseName() + "]")
                    .build(), onGcp));
            return account.email().applyValue(e -> values(args, "google", flags, List.of(), List.of(), List.of(),
                    Map.of(GKE_SERVICE_ACCOUNT_ANNOTATION, e)));
        }
        var pool = new com.pulumi.gcp.iam.WorkloadIdentityPool(name + "-pool", com.pulumi.gcp.iam.WorkloadIdentityPoolArgs.builder()
                .project(gcp.project())
                .workloadIdentityPoolId(id)
                .displayName("ExternalDNS " + args.site().name())
                .build(), onGcp);
        var oidc = new com.pulumi.gcp.iam.WorkloadIdentityPoolProvider(name + "-oidc", com.pulumi.gcp.iam.WorkloadIdentityPoolProviderArgs.builder()
                .project(gcp.project())
                .workloadIdentityPoolId(pool.workloadIdentityPoolId())
                .workloadIdentityPoolProviderId("kubernetes")
                // The Kubernetes service account's subject becomes the Google subject the principal names.
                .attributeMapping(Map.of("google.subject", "assertion.sub"))
                .oidc(com.pulumi.gcp.iam.inputs.WorkloadIdentityPoolProviderOidcArgs.builder().issuerUri(identity.issuerUrl()).build())
                .build(), onGcp);
        Output<String> number = com.pulumi.gcp.organizations.OrganizationsFunctions.getProject(
                com.pulumi.gcp.organizations.inputs.GetProjectArgs.builder().projectId(gcp.project()).build(),
                new com.pulumi.deployment.InvokeOptions(this, provider, null)).applyValue(p -> p.number());
        Output<String> poolPath = Output.tuple(number, pool.workloadIdentityPoolId())
                .applyValue(t -> "projects/" + t.t1 + "/locations/global/workloadIdentityPools/" + t.t2);
        releaseWaitsFor.add(new com.pulumi.gcp.serviceaccount.IAMMember(name + "-wif", com.pulumi.gcp.serviceaccount.IAMMemberArgs.builder()
                .serviceAccountId(account.name())
                .role("roles/iam.workloadIdentityUser")
                .member(poolPath.applyValue(p -> "principal://iam.googleapis.com/" + p + "/subject/" + subject))
                .build(), onGcp));
        releaseWaitsFor.add(oidc);
        // The provider's default audience is its full resource name after https://iam.googleapis.com/.
        Output<String> audience = poolPath.applyValue(p -> "//iam.googleapis.com/" + p + "/providers/kubernetes");
        Output<String> credentials = Output.tuple(audience, account.email()).applyValue(t -> credentialConfiguration(t.t1, t.t2));
        var config = new com.pulumi.kubernetes.core.v1.ConfigMap(name + "-gcp-credentials", com.pulumi.kubernetes.core.v1.ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(args.releaseName() + "-gcp-credentials").namespace(args.namespace()).build())
                .data(credentials.applyValue(json -> Map.of("credentials.json", json)))
                .build(), inNamespace);
        releaseWaitsFor.add(config);
        return audience.applyValue(a -> values(args, "google", flags,
                List.of(ExternalDnsValues.EnvVar.of("GOOGLE_APPLICATION_CREDENTIALS", GCP_CREDENTIALS_DIR + "/credentials.json")),
                List.of(projectedToken("gcp-token", "https:" + a),
                        Map.of("name", "gcp-credentials", "configMap", Map.of("name", args.releaseName() + "-gcp-credentials"))),
                List.of(Map.of("name", "gcp-token", "mountPath", GCP_TOKEN_DIR, "readOnly", true),
                        Map.of("name", "gcp-credentials", "mountPath", GCP_CREDENTIALS_DIR, "readOnly", true)), Map.of()));
    }

    /**
     * A credential configuration file ({@code type: external_account}; Google AIP-4117, "External
     * Account Credentials"): the pod's projected token is exchanged at Google's STS for the pool's
     * audience, then the Google service account is impersonated. It holds no secret.
     */
    static String credentialConfiguration(String audience, String serviceAccountEmail) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("type", "external_account");
        doc.put("audience", audience);
        doc.put("subject_token_type", "urn:ietf:params:oauth:token-type:jwt");
        doc.put("token_url", "https://sts.googleapis.com/v1/token");
        doc.putObject("credential_source").put("file", GCP_TOKEN_DIR + "/token");
        doc.put("service_account_impersonation_url", "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/"
                + serviceAccountEmail + ":generateAccessToken");
        return doc.toString();
    }

    /**
     * An IAM role only this site's ExternalDNS service account can assume, allowed to change only the
     * one zone; its bounded propagation check ({@link IamRoleCheck}) is added to {@code releaseWaitsFor}.
     */
    private Role route53Role(String name, ExternalDnsArgs args, String zoneId, List<Resource> releaseWaitsFor) {
        var onAws = CustomResourceOptions.builder().parent(this).provider(args.awsGlobal()).build();
        WorkloadIdentity identity = args.site().workloadIdentity().orElseThrow(() -> new IllegalStateException(
                "site " + args.site().name() + " has no workload identity for Route 53"));
        Output<String> providerArn = identity.kind() == WorkloadIdentity.Kind.AWS_IRSA
                ? identity.providerArn()
                : new OpenIdConnectProvider(name + "-oidc", OpenIdConnectProviderArgs.builder()
                        .url(identity.iamIssuerUrl())
                        .clientIdLists("sts.amazonaws.com")
                        .build(), onAws).arn();
        Output<String> trust = Output.tuple(providerArn, identity.iamIssuerUrl()).applyValue(t -> trustPolicy(t.t1, t.t2,
                args.namespace(), args.releaseName()));
        var role = new Role(name + "-role", RoleArgs.builder()
                .description("ExternalDNS of site " + args.site().name() + ": Route 53 records in zone " + zoneId + " only")
                .assumeRolePolicy(trust)
                .build(), onAws);
        var policy = new RolePolicy(name + "-route53", RolePolicyArgs.builder()
                .role(role.id())
                .policy(zonePolicy(zoneId))
                .build(), onAws);
        // IAM is eventually consistent: the pod's first AssumeRoleWithWebIdentity waits for the role to take effect.
        releaseWaitsFor.add(IamRoleCheck.create(name, args.site().name(), role.name(), policy.name(), this));
        return role;
    }

    static String trustPolicy(String providerArn, String issuerUrl, String namespace, String serviceAccount) {
        String issuer = issuerUrl.replaceFirst("^https://", "");
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        ObjectNode statement = doc.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Federated", providerArn);
        statement.put("Action", "sts:AssumeRoleWithWebIdentity");
        ObjectNode equals = statement.putObject("Condition").putObject("StringEquals");
        equals.put(issuer + ":sub", "system:serviceaccount:" + namespace + ":" + serviceAccount);
        equals.put(issuer + ":aud", "sts.amazonaws.com");
        return doc.toString();
    }

    /** Changes only in the one zone; listing zones needs "*" in IAM, and reveals no record data. */
    static String zonePolicy(String zoneId) {
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        var statements = doc.putArray("Statement");
        ObjectNode change = statements.addObject();
        change.put("Sid", "RecordsInTheOneZone");
        change.put("Effect", "Allow");
        change.putArray("Action").add("route53:ChangeResourceRecordSets").add("route53:ListResourceRecordSets").add("route53:ListTagsForResource");
        change.putArray("Resource").add("arn:aws:route53:::hostedzone/" + zoneId);
        ObjectNode list = statements.addObject();
        list.put("Sid", "FindTheZone");
        list.put("Effect", "Allow");
        list.putArray("Action").add("route53:ListHostedZones");
        list.putArray("Resource").add("*");
        return doc.toString();
    }
}
