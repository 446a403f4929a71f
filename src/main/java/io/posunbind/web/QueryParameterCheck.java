package io.posunbind.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;

/**
 * Refuses a query parameter an API endpoint does not have, naming it and the ones it has: a misspelt filter
 * ({@code merchant=} for {@code merchantId=}) must not silently list every decision. The console's pages are not
 * checked: their address keeps what the page's script reads (a search, the version compared against), which the
 * server never sees as parameters, and a person's bookmark must open the page rather than a JSON error.
 */
public class QueryParameterCheck {
    /** The API's resources, by their path: the only ones whose parameters are checked. */
    static final String API = "/api/";

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknownParameters(ContainerRequestContext request, ResourceInfo resource) {
        Set<String> given = request.getUriInfo().getQueryParameters().keySet();
        Method method = resource.getResourceMethod();
        if (given.isEmpty() || method == null || !isApi(resource.getResourceClass())) {
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

    private static boolean isApi(Class<?> resourceClass) {
        Path path = resourceClass == null ? null : resourceClass.getAnnotation(Path.class);
        return path != null && path.value().startsWith(API);
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
