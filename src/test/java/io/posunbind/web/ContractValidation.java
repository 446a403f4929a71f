package io.posunbind.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Validates every answer a test receives through rest-assured against the OpenAPI document the service under test
 * serves (/q/openapi), so the document and the service cannot drift apart: an undocumented status, a field the
 * schema forbids, a null where it says there is none, fail the test that received them. Requests are not validated
 * (tests send bad ones on purpose); paths outside the document (/q/health, /q/metrics) are not either. Registered
 * before every Quarkus test (META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback), inside
 * the class loader the test and rest-assured run in.
 */
public class ContractValidation implements QuarkusTestBeforeEachCallback {
    private static final Filter FILTER = new ServedDocumentFilter();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        synchronized (ContractValidation.class) {
            if (!RestAssured.filters().contains(FILTER)) {
                RestAssured.filters(FILTER);
            }
        }
    }

    /** The validation filter for the document of the service a request goes to, read on first use. */
    private static final class ServedDocumentFilter implements Filter {
        private final Map<String, OpenApiValidationFilter> byService = new ConcurrentHashMap<>();

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            String service = URI.create(request.getURI()).resolve("/").toString();
            OpenApiValidationFilter validation = byService.computeIfAbsent(service, ServedDocumentFilter::validatorFor);
            return validation.filter(request, response, context);
        }

        private static OpenApiValidationFilter validatorFor(String service) {
            String document;
            try {
                document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service + "q/openapi"))
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("The OpenAPI document of " + service + " cannot be read", e);
            }
            return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .withLevel("validation.response.body.schema.additionalProperties",
                                    ValidationReport.Level.ERROR)
                            .build())
                    .build());
        }
    }
}
