package dev.multisite.site;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

import java.util.List;

/** What components other than the site itself use of an AWS site: its provider and network. */
public interface AwsSite extends Site {

    /** The AWS provider of this site (region from the topology). */
    Provider awsProvider();

    /** The site's VPC id, for components that place resources in it (databases, security groups). */
    Output<String> vpcId();

    /** The private (node) subnet ids. */
    Output<List<String>> privateSubnets();

    /** The EKS cluster security group, which managed node groups attach to every node. */
    Output<String> nodeSecurityGroupId();
}
