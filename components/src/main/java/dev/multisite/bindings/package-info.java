/**
 * Typed bindings for Pulumi providers that have no Java SDK on Maven Central at the versions this
 * project can use (Cloudflare, TLS and Random here). Each binding is a {@code CustomResource} (or
 * {@code ProviderResource}) with the provider's real type token, {@code @Import}-annotated args and
 * {@code @Export}-annotated outputs, and pins the provider plugin version through the resource
 * options, so that the real Pulumi engine downloads and runs the real provider plugin; the custom
 * resources do it through {@link dev.multisite.bindings.BoundResource}, which also says how their
 * inputs are declared. Only the properties Multisite sets are bound; names follow the provider's
 * own schema. The custom resources are generated at build time by {@code bindings-generator} from
 * {@code components/src/main/bindings/*.yaml} (each input written once there); the providers,
 * {@link dev.multisite.bindings.PluginVersions} and the other classes here are hand-written.
 */
package dev.multisite.bindings;
