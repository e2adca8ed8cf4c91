package org.christchurchcall.platform.security;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;

/** The roles a resource method admits, as its {@code @RolesAllowed} (or its class's) declares them. */
public final class RequiredRoles {

    private RequiredRoles() {
    }

    public static Optional<List<String>> of(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null && resource.getResourceClass() != null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed == null || allowed.value().length == 0) {
            return Optional.empty();
        }
        return Optional.of(List.of(allowed.value()));
    }
}
