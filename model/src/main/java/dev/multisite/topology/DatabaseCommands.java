package dev.multisite.topology;

/**
 * The cloud CLI commands operators run on a site's database, written once: the data tier puts the
 * promote command in the stack outputs (with the real instance name), the runbooks print the same
 * commands (with a lookup of the instance name from those outputs).
 */
public final class DatabaseCommands {
    private DatabaseCommands() {
    }

    /** Promotes the site's replica {@code instance} to a standalone primary (AWS CLI, gcloud, az). */
    public static String promote(SiteSpec site, String instance) {
        return switch (site.provider()) {
            case AWS -> "aws rds promote-read-replica --region " + site.region() + " --db-instance-identifier " + instance;
            case GCP -> "gcloud sql instances promote-replica " + instance + " --project " + site.gcp().project();
            case AZURE -> "az postgres flexible-server replica promote --resource-group " + site.azure().resourceGroup() + " --name " + instance
                    + " --promote-mode standalone";
            case EXISTING -> "# not applicable: an existing site hosts no database";
        };
    }
}
