package dev.multisite.standins;

/**
 * Parts of a resource URN, {@code urn:pulumi:<stack>::<project>::<parent types$>type::<name>}
 * (pulumi/pulumi sdk/go/common/resource/urn.go): the engine sends the URN with every call.
 */
final class Urns {
    private Urns() {
    }

    static String type(String urn) {
        String[] parts = urn.split("::", 4);
        String qualified = parts.length > 2 ? parts[2] : "";
        return qualified.substring(qualified.lastIndexOf('$') + 1);
    }

    static String name(String urn) {
        String[] parts = urn.split("::", 4);
        return parts.length > 3 ? parts[3] : urn;
    }
}
