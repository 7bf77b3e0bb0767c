package dev.multisite.stack.pkg.sample;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** Greeting's one input; the component provider fills the field from ConstructRequest.inputs. */
public final class GreetingArgs extends ResourceArgs {
    @Import(name = "message", required = true)
    private String message;

    public String message() {
        return message;
    }
}
