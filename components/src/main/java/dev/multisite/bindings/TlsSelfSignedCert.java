package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** {@code tls:index/selfSignedCert:SelfSignedCert}: a self-signed certificate, here a CA. */
@ResourceType(type = "tls:index/selfSignedCert:SelfSignedCert")
public final class TlsSelfSignedCert extends CustomResource {
    public static final String TYPE = "tls:index/selfSignedCert:SelfSignedCert";

    @Export(name = "certPem", refs = {String.class}, tree = "[0]")
    private Output<String> certPem;

    public static final class Subject extends ResourceArgs {
        @Import(name = "commonName")
        private final Output<String> commonName;
        @Import(name = "organization")
        private final Output<String> organization;

        public Subject(String commonName, String organization) {
            this.commonName = Output.of(commonName);
            this.organization = Output.of(organization);
        }
    }

    public static final class Args extends ResourceArgs {
        @Import(name = "privateKeyPem", required = true)
        private final Output<String> privateKeyPem;
        @Import(name = "subject")
        private final Output<Subject> subject;
        @Import(name = "isCaCertificate")
        private final Output<Boolean> isCaCertificate;
        @Import(name = "validityPeriodHours", required = true)
        private final Output<Integer> validityPeriodHours;
        @Import(name = "earlyRenewalHours")
        private final Output<Integer> earlyRenewalHours;
        @Import(name = "allowedUses", required = true)
        private final Output<List<String>> allowedUses;

        /** A CA certificate for {@code privateKeyPem}, valid for {@code validityYears}. */
        public static Args ca(Output<String> privateKeyPem, Subject subject, int validityYears) {
            return new Args(privateKeyPem, subject, validityYears);
        }

        private Args(Output<String> privateKeyPem, Subject subject, int validityYears) {
            this.privateKeyPem = privateKeyPem.asSecret();
            this.subject = Output.of(subject);
            this.isCaCertificate = Output.of(true);
            this.validityPeriodHours = Output.of(validityYears * 24 * 365);
            // Renewal is a deliberate rotation, never a side effect of an ordinary `pulumi up`.
            this.earlyRenewalHours = Output.of(0);
            this.allowedUses = Output.of(List.of("cert_signing", "crl_signing", "digital_signature", "key_encipherment"));
        }
    }

    public TlsSelfSignedCert(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, PluginVersions.pinned(options, PluginVersions.TLS));
    }

    public Output<String> certPem() {
        return certPem;
    }
}
