package dev.multisite.pkg;

import com.pulumi.core.internal.Internal;
import com.pulumi.provider.internal.Provider;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.provider.internal.models.GetSchemaResponse;
import com.pulumi.provider.internal.properties.PropertyValueSerializer;
import dev.multisite.fleet.Fleet;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The package's provider: the schema generated from the model ({@link FleetSchema}), and Construct
 * of a {@link Fleet} whose inputs are read by {@link FleetInputs} (the SDK's deserializer cannot
 * read map inputs) and parsed once. The component's state is taken as the SDK's
 * {@code ComponentProvider} takes it.
 */
final class FleetProvider implements Provider {
    private final String schema;

    FleetProvider(String version) {
        this.schema = FleetSchema.json(version);
    }

    @Override
    public CompletableFuture<GetSchemaResponse> getSchema(GetSchemaRequest request) {
        return CompletableFuture.completedFuture(new GetSchemaResponse(schema));
    }

    @Override
    public CompletableFuture<ConstructResponse> construct(ConstructRequest request) {
        if (!request.getType().equals(Fleet.TYPE)) {
            throw new IllegalArgumentException("the multisite package has one component, " + Fleet.TYPE + "; got " + request.getType());
        }
        var fleet = new Fleet(request.getName(), FleetInputs.args(request.getInputs()), request.getOptions());
        var state = PropertyValueSerializer.stateFromComponentResource(fleet);
        return Internal.of(fleet.urn()).getValueNullable().thenApply(urn -> new ConstructResponse(urn, state, Map.of()));
    }
}
