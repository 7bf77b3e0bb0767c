package dev.multisite.pkg;

import com.pulumi.core.internal.Internal;
import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.Metadata;
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
 * The package's provider: the SDK's component provider for the schema (inferred from the classes
 * of {@code dev.multisite.fleet}), and Construct of a {@link Fleet} whose inputs are read by
 * {@link FleetInputs} instead of the SDK's deserializer, which cannot read map inputs. The
 * component is built and its state taken as the SDK's {@code ComponentProvider} does.
 */
final class FleetProvider implements Provider {
    private final ComponentProvider schemaSource;

    FleetProvider(Metadata metadata) {
        this.schemaSource = new ComponentProvider(metadata, Fleet.class.getPackage());
    }

    @Override
    public CompletableFuture<GetSchemaResponse> getSchema(GetSchemaRequest request) {
        return schemaSource.getSchema(request).thenApply(r -> new GetSchemaResponse(PackageSpecForm.of(r.getSchema())));
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
