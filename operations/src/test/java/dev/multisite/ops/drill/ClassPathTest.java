package dev.multisite.ops.drill;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drills run with the model's facts and nothing of the provisioning side: no Pulumi SDK, no provider SDK. */
class ClassPathTest {

    @Test
    void theDrillClassPathHasTheModelButNoPulumiOrProviderSdk() throws Exception {
        assertThat(Class.forName("dev.multisite.topology.FailoverBudget")).isNotNull();
        for (String absent : new String[]{"com.pulumi.Pulumi", "com.pulumi.aws.Provider", "com.pulumi.gcp.Provider",
                "com.pulumi.azurenative.Provider", "dev.multisite.site.Site"}) {
            assertThatThrownBy(() -> Class.forName(absent)).as(absent).isInstanceOf(ClassNotFoundException.class);
        }
    }
}
