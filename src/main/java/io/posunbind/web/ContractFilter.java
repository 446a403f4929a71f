package io.posunbind.web;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Finishes the contract (META-INF/openapi.yaml and the resources' annotations): every operation of the API answers
 * the errors any endpoint can give (401 without sign-in, 403 with another role, 406 for an Accept it cannot serve,
 * 429 over the caller's rate limit, 500 for the unforeseen), and when OIDC is on ({@code quarkus.oidc.tenant-enabled})
 * a bearer token is documented beside Basic.
 */
public class ContractFilter implements OASFilter {
    private static final String API = "/api/";
    private static final Map<String, String> EVERY_OPERATION = Map.of("401", "Unauthorized", "403", "Forbidden",
            "406", "NotAcceptable", "429", "TooManyRequests", "500", "InternalError");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boolean bearer = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class)
                .orElse(false);
        if (bearer) {
            openAPI.getComponents().addSecurityScheme("bearerAuth", OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An OIDC access token of the configured provider, its roles in the configured claim."));
            openAPI.setSecurity(List.of(requirement("basicAuth"), requirement("bearerAuth")));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(API)) {
                item.getOperations().values().forEach(ContractFilter::addCommonErrors);
            }
        });
    }

    private static void addCommonErrors(Operation operation) {
        APIResponses responses = operation.getResponses();
        EVERY_OPERATION.forEach((status, name) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse()
                        .ref("#/components/responses/" + name));
            }
        });
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }
}
