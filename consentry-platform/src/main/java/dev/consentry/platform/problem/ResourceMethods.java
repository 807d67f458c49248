package dev.consentry.platform.problem;

import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The annotations of the resource method a request reaches; endpoints are fixed at build time, so each is read once. */
final class ResourceMethods {

    private static final Map<String, Optional<? extends Annotation>> FOUND = new ConcurrentHashMap<>();

    private ResourceMethods() {
    }

    /** {@code type} on the method {@code resource} names, if it carries it. */
    @SuppressWarnings("unchecked")
    static <A extends Annotation> Optional<A> annotation(SimpleResourceInfo resource, Class<A> type) {
        if (resource == null || resource.getResourceClass() == null) {
            return Optional.empty();
        }
        return (Optional<A>) FOUND.computeIfAbsent(resource.getResourceClass().getName() + "#" + resource.getMethodName()
                + Arrays.toString(resource.parameterTypes()) + "@" + type.getName(), key -> {
            try {
                return Optional.ofNullable(resource.getResourceClass()
                        .getMethod(resource.getMethodName(), resource.parameterTypes()).getAnnotation(type));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
    }
}
