package dev.multisite.traffic;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.multisite.bindings.BoundedCheck;
import dev.multisite.bindings.LocalCommand;

import java.util.Map;

/**
 * Waits for a new web-identity IAM role, and its inline policy, to take effect before the workload
 * that assumes it is installed. AWS IAM User Guide, "Troubleshoot IAM" ("Changes that I make are
 * not always immediately visible",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency):
 * IAM is eventually consistent, and changes should be verified as propagated before workflows
 * depend on them. {@code sts:AssumeRoleWithWebIdentity} cannot be tried here (it needs the pod's
 * token), so the check is what the documentation supports from outside: the role and its policy
 * are visible ({@code aws iam get-role}, {@code aws iam get-role-policy}), polled every
 * {@value #INTERVAL_SECONDS} s at most {@value #ATTEMPTS} times, then a settle delay of
 * {@value #SETTLE_SECONDS} s for the other endpoints (the EC2 API guide's advice for eventually
 * consistent APIs: wait a while even after a describe call answers correctly).
 */
final class IamRoleCheck {
    static final int ATTEMPTS = 30;
    static final int INTERVAL_SECONDS = 10;
    static final int SETTLE_SECONDS = 30;

    private IamRoleCheck() {
    }

    /** The check for one role; the AWS CLI uses the same ambient credentials as the AWS provider. */
    static LocalCommand create(String name, String site, Output<String> roleName, Output<String> policyName, Resource parent) {
        Output<Map<String, String>> environment = Output.tuple(roleName, policyName)
                .applyValue(t -> Map.of("MULTISITE_ROLE", t.t1, "MULTISITE_ROLE_POLICY", t.t2));
        return BoundedCheck.create(name + "-iam-check", name + "-command", script(site), environment, parent);
    }

    /** The bounded wait: a pure function of the site's name, so the plan shows exactly what runs. */
    static String script(String site) {
        return BoundedCheck.script("",
                "aws iam get-role --role-name \"$MULTISITE_ROLE\" >/dev/null 2>&1"
                        + " && aws iam get-role-policy --role-name \"$MULTISITE_ROLE\" --policy-name \"$MULTISITE_ROLE_POLICY\" >/dev/null 2>&1",
                ATTEMPTS, INTERVAL_SECONDS, SETTLE_SECONDS,
                site + ": the IAM role $MULTISITE_ROLE for ExternalDNS (web identity, Route 53) or its policy $MULTISITE_ROLE_POLICY"
                        + " is still not visible " + ATTEMPTS * INTERVAL_SECONDS + " s after it was created (aws iam get-role, aws iam get-role-policy);"
                        + " check that the AWS CLI is on PATH with the credentials Pulumi uses, then run pulumi up again");
    }
}
