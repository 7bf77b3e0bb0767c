package dev.multisite.site;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What components other than the site itself use of an AWS site: its provider and network. */
public interface AwsSite extends Site {
    String VPC_ID = "vpcId";
    String PRIVATE_SUBNET_IDS = "privateSubnetIds";
    String NODE_SECURITY_GROUP_ID = "nodeSecurityGroupId";

    /** The AWS provider of this site (region from the topology). */
    Provider awsProvider();

    /** The site's VPC id, for components that place resources in it (databases, security groups). */
    Output<String> vpcId();

    /** The private (node) subnet ids. */
    Output<List<String>> privateSubnets();

    /** The EKS cluster security group, which managed node groups attach to every node. */
    Output<String> nodeSecurityGroupId();

    /**
     * Routed resolvers: through the VPC resolver ({@link Route53Forwarding}). A Service of the
     * cluster: through CoreDNS, which only the site part's {@link EksSite} installs (it overrides this).
     */
    @Override
    default void forwardZone(ZoneForward forward) {
        switch (forward.reach()) {
            case ROUTED -> Route53Forwarding.forward(this, forward);
            case CLUSTER_SERVICE -> throw new IllegalStateException("site " + name()
                    + ": only its EksSite can add " + forward.zone() + " to the CoreDNS add-on");
        }
    }

    @Override
    default Optional<AwsSite> awsSite() {
        return Optional.of(this);
    }

    @Override
    default Map<String, Output<?>> facts() {
        return SiteFacts.withCloud(this, Map.entry(VPC_ID, vpcId()), Map.entry(PRIVATE_SUBNET_IDS, privateSubnets()),
                Map.entry(NODE_SECURITY_GROUP_ID, nodeSecurityGroupId()));
    }
}
