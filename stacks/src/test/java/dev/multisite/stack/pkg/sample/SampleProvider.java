package dev.multisite.stack.pkg.sample;

import com.pulumi.provider.internal.ComponentProviderHost;

import java.io.IOException;

/** The sample package's plugin entry point: serves every component in this package as "sample". */
public final class SampleProvider {
    private SampleProvider() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        new ComponentProviderHost("sample", Greeting.class.getPackage()).start(args);
    }
}
