package dev.multisite.data;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

/**
 * One database instance of the data tier.
 *
 * @param site           the site it runs in
 * @param partition      the partition it serves ({@code default} in primary-replica mode)
 * @param role           primary, replica or retired primary
 * @param resource       the instance resource
 * @param identifier     the provider's instance name/identifier
 * @param host           the private host name or address clients connect to
 * @param region         the provider region
 * @param provider       {@code aws}, {@code gcp} or {@code azure}
 * @param promoteCommand the CLI command that promotes this instance (replicas), for runbooks
 * @param credentialRef  where the credential lives (AWS: the Secrets Manager secret ARN; Azure: the
 *                       workload identity service account; GCP: IAM auth, empty)
 * @param user           the PostgreSQL role clients log in as ({@value #DEFAULT_USER}; on Azure the
 *                       Entra administrator's name, which is its role name)
 */
public record DatabaseNode(String site, String partition, Role role, Resource resource, Output<String> identifier, Output<String> host,
                           String region, String provider, Output<String> promoteCommand, Output<String> credentialRef, Output<String> user) {
    public static final String DEFAULT_USER = "multisite_admin";

    public DatabaseNode(String site, String partition, Role role, Resource resource, Output<String> identifier, Output<String> host,
                        String region, String provider, Output<String> promoteCommand, Output<String> credentialRef) {
        this(site, partition, role, resource, identifier, host, region, provider, promoteCommand, credentialRef, Output.of(DEFAULT_USER));
    }

    public enum Role { PRIMARY, REPLICA, RETIRED_PRIMARY }

    public static final int PORT = 5432;
}
