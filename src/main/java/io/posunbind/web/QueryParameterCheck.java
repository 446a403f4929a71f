package io.posunbind.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;

/**
 * Refuses a query parameter the endpoint does not have, naming it and the ones it has: a misspelt filter
 * ({@code merchant=} for {@code merchantId=}) must not silently list every decision.
 */
public class QueryParameterCheck {
    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknownParameters(ContainerRequestContext request, ResourceInfo resource) {
        Set<String> given = request.getUriInfo().getQueryParameters().keySet();
        Method method = resource.getResourceMethod();
        if (given.isEmpty() || method == null) {
            return;
        }
        Set<String> allowed = known.computeIfAbsent(method, QueryParameterCheck::parametersOf);
        List<FieldError> errors = new ArrayList<>();
        for (String name : new TreeSet<>(given)) {
            if (!allowed.contains(name)) {
                errors.add(new FieldError(name, allowed.isEmpty() ? "is not a parameter of this endpoint, which "
                        + "takes none" : "is not a parameter of this endpoint; its parameters are "
                        + String.join(", ", allowed)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static Set<String> parametersOf(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return names;
    }
}
