package dev.multisite.fleet.parts;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.multisite.site.AwsSite;
import dev.multisite.site.EksSite;
import dev.multisite.topology.SiteSpec;

import java.util.List;

/** An AWS site deployed by its own part, read from that part's outputs. */
final class RemoteAwsSite extends RemoteSite implements AwsSite {
    private final Provider aws;

    RemoteAwsSite(SiteSpec spec, StackFacts facts, Resource parent) {
        super(spec, facts, parent);
        this.aws = new Provider(spec.name() + "-aws", EksSite.providerArgs(spec), options());
    }

    @Override
    public Provider awsProvider() {
        return aws;
    }

    @Override
    public Output<String> vpcId() {
        return facts.string(AwsSite.VPC_ID);
    }

    @Override
    public Output<List<String>> privateSubnets() {
        return facts.strings(AwsSite.PRIVATE_SUBNET_IDS);
    }

    @Override
    public Output<String> nodeSecurityGroupId() {
        return facts.string(AwsSite.NODE_SECURITY_GROUP_ID);
    }
}
