import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import * as yaml from "js-yaml";
import * as multisite from "@multisite/multisite";

const config = new pulumi.Config();

// fleet.yaml is the topology (the value of multisite:topology in stacks/Pulumi.prod.yaml); its keys
// are the Fleet's input names.
const topology = yaml.load(fs.readFileSync("fleet.yaml", "utf8")) as multisite.FleetArgs;

const fleet = new multisite.Fleet("prod", {
    ...topology,
    // Secret values by config key name: existing.kubeconfig (metal-fra) and the Cloudflare backend's
    // apiToken name these keys.
    secrets: {
        "metal-fra-kubeconfig": config.requireSecret("metal-fra-kubeconfig"),
        "cloudflare-api-token": config.requireSecret("cloudflare-api-token"),
    },
});

export const siteNames = fleet.siteNames;
export const clusterEndpoints = fleet.clusterEndpoints;
export const globalHostname = fleet.globalHostname;
export const failoverBudgetSeconds = fleet.failoverBudgetSeconds;
export const databaseWriteEndpoints = fleet.databaseWriteEndpoints;
export const kubeconfigs = fleet.kubeconfigs;
