package dev.multisite.site;

import dev.multisite.topology.SiteSpec;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * A site that is only its spec, for args that hold a reference to a site: everything a deployment
 * would make is null (an optional one empty), and what {@link Site} derives from the spec is as
 * {@link Site} writes it. A proxy, so a new method of {@link Site} needs nothing here.
 */
public final class StubSite {
    private StubSite() {
    }

    public static Site of(SiteSpec spec) {
        InvocationHandler answer = (proxy, method, args) -> switch (method.getName()) {
            case "spec" -> spec;
            case "toString" -> "StubSite[" + spec.name() + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args)
                    : method.getReturnType() == Optional.class ? Optional.empty() : null;
        };
        return (Site) Proxy.newProxyInstance(Site.class.getClassLoader(), new Class<?>[]{Site.class}, answer);
    }
}
