package dev.multisite.stack.pkg.sample;

import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Locale;
import java.util.Map;

/** The smallest component worth serving: one custom child and one computed output. */
public class Greeting extends ComponentResource {
    @Export(name = "shout")
    public final Output<String> shout;

    public Greeting(String name, GreetingArgs args, ComponentResourceOptions options) {
        super("sample:index:Greeting", name, options);
        new BucketV2(name + "-bucket", BucketV2Args.builder().tags(Map.of("message", args.message())).build(),
                CustomResourceOptions.builder().parent(this).build());
        this.shout = Output.of(args.message().toUpperCase(Locale.ROOT));
        registerOutputs(Map.of("shout", shout));
    }
}
