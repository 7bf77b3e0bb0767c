package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

/**
 * {@code random:index/randomPassword:RandomPassword}: a random string generated once by the Random
 * provider and kept in Pulumi state (encrypted), so a re-run never rotates it. Its value is a
 * secret output.
 */
@ResourceType(type = RandomPassword.TYPE)
public final class RandomPassword extends BoundResource {
    public static final String TYPE = "random:index/randomPassword:RandomPassword";

    @Export(name = "result", refs = {String.class}, tree = "[0]")
    private Output<String> result;

    /** Inputs as {@link BoundResource} describes them. */
    public static final class Args extends ResourceArgs {
        @Import(name = "length", required = true)
        private final Integer length;
        @Import(name = "special")
        private final Boolean special;
        @Import(name = "numeric")
        private final Boolean numeric;

        /**
         * Letters only: what every IPsec gateway accepts as a pre-shared key (AWS allows letters,
         * digits, '.' and '_' but no leading '0'; letters sidestep both rules). 40 letters carry
         * about 228 bits.
         */
        public static Args ipsecPresharedKey() {
            return new Args(40, false, false);
        }

        private Args(int length, boolean special, boolean numeric) {
            this.length = length;
            this.special = special;
            this.numeric = numeric;
        }
    }

    public RandomPassword(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options, PluginVersions.RANDOM, "result", "bcryptHash");
    }

    /** The generated value; a Pulumi secret. */
    public Output<String> result() {
        return result.asSecret();
    }
}
