package dev.multisite.standins;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.bindings.PluginVersions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the Java class of a resource type token ({@code aws:eks/cluster:Cluster}) among the classes
 * of one package: the pinned SDK jar that announces the package ({@code com/pulumi/<pkg>/plugin.json})
 * and this project's bindings (the packages without a Java SDK here). A class is that type's if its
 * {@code @ResourceType(type)} says so, the annotation the SDK registers the resource with; the class
 * name is only a hint (the generator names the class after the token's last part).
 */
final class ResourceClasses {
    private final ClassLoader loader;
    private final Map<String, List<String>> classNamesBySimpleName = new HashMap<>();
    private final List<String> bindingClassNames = new ArrayList<>();
    private final Map<String, Optional<Class<?>>> byToken = new ConcurrentHashMap<>();

    ResourceClasses(StandinPackage pkg, ClassLoader loader) {
        this.loader = loader;
        pkg.sdkJar().ifPresent(this::indexJar);
        indexBindings();
    }

    /** The Args class the resource's constructor takes, when the token is one of this package's resources. */
    Optional<Class<?>> argsClass(String token) {
        return byToken.computeIfAbsent(token, this::find).map(ResourceClasses::argsOf);
    }

    private Optional<Class<?>> find(String token) {
        String simple = token.substring(token.lastIndexOf(':') + 1);
        List<String> candidates = new ArrayList<>(classNamesBySimpleName.getOrDefault(simple, List.of()));
        candidates.addAll(bindingClassNames);
        for (String name : candidates) {
            try {
                Class<?> c = Class.forName(name, false, loader);
                ResourceType type = c.getAnnotation(ResourceType.class);
                if (type != null && type.type().equals(token)) {
                    return Optional.of(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not loadable here: not a candidate
            }
        }
        return Optional.empty();
    }

    private static Class<?> argsOf(Class<?> resource) {
        for (Constructor<?> c : resource.getConstructors()) {
            Class<?>[] p = c.getParameterTypes();
            if (p.length == 3 && p[0] == String.class && p[2] == CustomResourceOptions.class) {
                return p[1];
            }
        }
        throw new IllegalStateException(resource.getName() + " has no (String, Args, CustomResourceOptions) constructor");
    }

    private void indexJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.contains("/inputs/") && !n.contains("/outputs/"))
                    .forEach(n -> {
                        String className = n.substring(0, n.length() - ".class".length()).replace('/', '.');
                        classNamesBySimpleName.computeIfAbsent(className.substring(className.lastIndexOf('.') + 1), k -> new ArrayList<>())
                                .add(className);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SDK jar " + jar, e);
        }
    }

    /** The binding classes (few): every one is a candidate for every token. */
    private void indexBindings() {
        String pkg = PluginVersions.class.getPackageName();
        List<String> names = bindingClassNames;
        try {
            Path source = Path.of(PluginVersions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.list(source.resolve(pkg.replace('.', '/')))) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                            .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - 6)));
                }
            } else {
                try (JarFile file = new JarFile(source.toFile())) {
                    String prefix = pkg.replace('.', '/') + "/";
                    file.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(prefix) && n.endsWith(".class") && !n.contains("$") && n.indexOf('/', prefix.length()) < 0)
                            .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bindings", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
