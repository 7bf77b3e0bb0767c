package dev.multisite.gitops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * The ApplicationSet spec Multisite generates, typed; serialized to the resource at the edge.
 * Safety settings are fixed: Applications are never deleted on a transient cluster-listing
 * failure ({@code applicationsSync: create-update}) and their resources survive the deletion of the
 * ApplicationSet ({@code preserveResourcesOnDeletion}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApplicationSetSpec(boolean goTemplate, List<String> goTemplateOptions, List<Generator> generators, Template template,
                          SyncPolicy syncPolicy, Strategy strategy) {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Generator(ClusterGenerator clusters) {
    }

    record ClusterGenerator(LabelSelector selector) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
    }

    record Requirement(String key, String operator, List<String> values) {
    }

    record Template(TemplateMeta metadata, AppSpec spec) {
    }

    record TemplateMeta(String name, Map<String, String> labels) {
    }

    record AppSpec(String project, Source source, Destination destination, AppSyncPolicy syncPolicy) {
    }

    record Source(String repoURL, String targetRevision, String path) {
    }

    record Destination(String server, String namespace) {
    }

    record AppSyncPolicy(Automated automated, List<String> syncOptions) {
    }

    record Automated(boolean prune, boolean selfHeal) {
    }

    record SyncPolicy(boolean preserveResourcesOnDeletion, String applicationsSync) {
    }

    record Strategy(String type, RollingSync rollingSync) {
    }

    record RollingSync(List<Step> steps) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(List<Requirement> matchExpressions, Object maxUpdate) {
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> toMap() {
        return JSON.convertValue(this, Map.class);
    }
}
