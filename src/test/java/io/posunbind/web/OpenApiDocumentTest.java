package io.posunbind.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Calling systems read the contract from the OpenAPI document: the request schema must be in it. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void documentsTheDecisionRequestWithItsRequiredFieldsAndEnums() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas.DecisionRequest.required",
                        hasItems("reason", "merchant", "terminal", "contract", "account", "dataWipe"))
                .body("components.schemas.DecisionRequest.properties.reason.enum", hasItems("SWITCH_PROVIDER"))
                .body("paths.'/api/v1/decisions'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/DecisionRequest"));
    }
}
