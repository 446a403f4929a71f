package io.posunbind.decision;

import static io.posunbind.security.TestUsers.asClient;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad fields over HTTP: one 400 problem naming every offending path (the parser's own tests cover each class). */
@QuarkusTest
class DecisionValidationApiTest {

    @Test
    void rejectsEveryOffendingFieldInOneProblemNamingEachPath() {
        asClient().contentType(ContentType.JSON).body("""
                {
                  "reason": "SWITCH_PROVIDERS",
                  "merchant": { "merchantId": "M-1", "type": "ENTERPRISE", "riskFlags": [] },
                  "terminal": { "serialNumber": "SN-1", "ownership": "DEPOSIT_BASED", "registeredToMerchant": true,
                                "tamperSuspected": false },
                  "contract": { "status": "ACTIVE", "startDate": "2025-02-30", "termMonths": 1.5, "monthlyFee": 39.001 },
                  "account": { "balance": -10.00, "unsettledTransactions": -1, "openChargebacks": 0,
                               "openChargebackAmount": -5.00, "settlementAccountVerified": true,
                               "settlementAccountChangeRequested": false },
                  "dataWipe": { "level": "CLEAR", "keysZeroized": false, "verified": false,
                                "disposition": "RETURN_TO_PROVIDER", "returnCourierVerified": true },
                  "colour": "blue"
                }
                """)
                .when().post("/api/v1/decisions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-request"))
                .body("errors.path", hasItems("reason", "merchant.regulatoryHold", "terminal.deposit",
                        "contract.startDate", "contract.termMonths", "contract.monthlyFee",
                        "account.unsettledTransactions", "account.openChargebackAmount", "colour"))
                .body("errors.path", not(hasItems("account.balance")))
                .body("errors.find { it.path == 'reason' }.message", containsString("SWITCH_PROVIDER"));
    }
}
