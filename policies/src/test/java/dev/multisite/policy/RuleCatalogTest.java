package dev.multisite.policy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCatalogTest {
    @Test
    void theReadmeListsEveryRuleAsTheCodeDefinesIt() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String listed = readme.substring(readme.indexOf(RuleCatalog.BEGIN), readme.indexOf(RuleCatalog.END) + RuleCatalog.END.length());
        assertThat(listed).as("policies/README.md is out of date: regenerate with RuleCatalog.main").isEqualTo(RuleCatalog.markdown());
        assertThat(PolicyPack.RULES).hasSizeGreaterThanOrEqualTo(20);
    }
}
