package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** {@code tls:index/selfSignedCert:SelfSignedCert}: a self-signed certificate, here a CA. */
@ResourceType(type = TlsSelfSignedCert.TYPE)
public final class TlsSelfSignedCert extends BoundResource {
    public static final String TYPE = "tls:index/selfSignedCert:SelfSignedCert";

    @Export(name = "certPem", refs = {String.class}, tree = "[0]")
    private Output<String> certPem;

    public static final class Subject extends ResourceArgs {
        @Import(name = "commonName")
        private final String commonName;
        @Import(name = "organization")
        private final String organization;

        public Subject(String commonName, String organization) {
            this.commonName = commonName;
            this.organization = organization;
        }
    }

    /** Inputs as {@link BoundResource} describes them. */
    public static final class Args extends ResourceArgs {
        @Import(name = "privateKeyPem", required = true)
        private final Output<String> privateKeyPem;
        @Import(name = "subject")
        private final Subject subject;
        @Import(name = "isCaCertificate")
        private final Boolean isCaCertificate = true;
        @Import(name = "validityPeriodHours", required = true)
        private final Integer validityPeriodHours;
        /** Renewal is a deliberate rotation, never a side effect of an ordinary `pulumi up`. */
        @Import(name = "earlyRenewalHours")
        private final Integer earlyRenewalHours = 0;
        @Import(name = "allowedUses", required = true)
        private final List<String> allowedUses = List.of("cert_signing", "crl_signing", "digital_signature", "key_encipherment");

        /** A CA certificate for {@code privateKeyPem}, valid for {@code validityYears}. */
        public static Args ca(Output<String> privateKeyPem, Subject subject, int validityYears) {
            return new Args(privateKeyPem, subject, validityYears);
        }

        private Args(Output<String> privateKeyPem, Subject subject, int validityYears) {
            this.privateKeyPem = privateKeyPem.asSecret();
            this.subject = subject;
            this.validityPeriodHours = validityYears * 24 * 365;
        }
    }

    public TlsSelfSignedCert(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options, PluginVersions.TLS);
    }

    public Output<String> certPem() {
        return certPem;
    }
}
