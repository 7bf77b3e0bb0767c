package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * {@code data.engine}: the database engine and its major version.
 * Getters return null for an absent key.
 */
public final class DataEngineArgs extends ResourceArgs {

    /** {@code postgresql} (default and only engine). */
    @Import(name = "name", required = false)
    private String name;

    /** Major version, a string; default {@code "16"}. */
    @Import(name = "version", required = false)
    private String version;

    public DataEngineArgs() {
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final DataEngineArgs args = new DataEngineArgs();

        public Builder name(String name) {
            args.name = name;
            return this;
        }

        public Builder version(String version) {
            args.version = version;
            return this;
        }

        public DataEngineArgs build() {
            return args;
        }
    }
}
