package dev.multisite.topology;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider blocks are a closed set with one block per provider, and {@link SiteSpec#block} names each. */
class ProviderSettingsTest {
    private static final SiteSpec EVERY_BLOCK = new SiteSpec("all-blocks", CloudProvider.AWS, "us-east-1", 100, null, null, null,
            new AwsSettings(List.of("us-east-1a")), new GcpSettings("multisite-test", null, null), new AzureSettings("rg", null),
            new ExistingSettings("kube", null, null));

    @Test
    void everyProviderHasItsOwnBlockType() {
        Set<Class<?>> types = new HashSet<>();
        for (CloudProvider provider : CloudProvider.values()) {
            ProviderSettings block = EVERY_BLOCK.block(provider);
            assertThat(block).as("the %s block", provider.key()).isNotNull();
            assertThat(types.add(block.getClass())).as("%s has a block type of its own", provider.key()).isTrue();
        }
        assertThat(types).containsExactlyInAnyOrder(ProviderSettings.class.getPermittedSubclasses());
    }

    @Test
    void eachProviderNamesItsOwnBlock() {
        assertThat(EVERY_BLOCK.block(CloudProvider.AWS)).isSameAs(EVERY_BLOCK.aws());
        assertThat(EVERY_BLOCK.block(CloudProvider.GCP)).isSameAs(EVERY_BLOCK.gcp());
        assertThat(EVERY_BLOCK.block(CloudProvider.AZURE)).isSameAs(EVERY_BLOCK.azure());
        assertThat(EVERY_BLOCK.block(CloudProvider.EXISTING)).isSameAs(EVERY_BLOCK.existing());
    }

    @Test
    void anUnsetBlockIsNull() {
        var awsOnly = new SiteSpec("aws-only", CloudProvider.AWS, "us-east-1", 100, null, null, null, new AwsSettings(null), null, null, null);
        assertThat(Arrays.stream(CloudProvider.values()).filter(p -> awsOnly.block(p) != null)).containsExactly(CloudProvider.AWS);
    }
}
