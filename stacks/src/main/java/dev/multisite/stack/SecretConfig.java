package dev.multisite.stack;

import com.pulumi.core.Output;

/**
 * Where secret stack config values come from. The real program reads them from Pulumi config
 * ({@code config.requireSecret}); the offline plan, which has no decryption key, supplies
 * placeholders. Either way the value is a Pulumi secret and never enters the typed topology.
 */
@FunctionalInterface
public interface SecretConfig {
    /** The secret value of config key {@code multisite:<key>}. */
    Output<String> require(String key);
}
