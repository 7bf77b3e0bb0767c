"""The prod-like multisite fleet, declared with the generated multisite SDK."""

import re

import pulumi
import multisite_multisite as multisite
import yaml

config = pulumi.Config()

# fleet.yaml is the topology (the value of multisite:topology in stacks/Pulumi.prod.yaml); its keys
# are the Fleet's input names.
with open("fleet.yaml", encoding="utf-8") as f:
    topology = yaml.safe_load(f)


def snake(name: str) -> str:
    """peakDemand -> peak_demand: the generated SDK takes the top-level inputs as snake_case keywords."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


# Nested values stay as read: plain dicts keyed by the schema's names, which the SDK passes through.
fleet = multisite.Fleet(
    "prod",
    **{snake(key): value for key, value in topology.items()},
    # Secret values by config key name: existing.kubeconfig (metal-fra) and the Cloudflare backend's
    # apiToken name these keys.
    secrets={
        "metal-fra-kubeconfig": config.require_secret("metal-fra-kubeconfig"),
        "cloudflare-api-token": config.require_secret("cloudflare-api-token"),
    },
)

pulumi.export("siteNames", fleet.site_names)
pulumi.export("clusterEndpoints", fleet.cluster_endpoints)
pulumi.export("globalHostname", fleet.global_hostname)
pulumi.export("failoverBudgetSeconds", fleet.failover_budget_seconds)
pulumi.export("databaseWriteEndpoints", fleet.database_write_endpoints)
pulumi.export("kubeconfigs", fleet.kubeconfigs)
