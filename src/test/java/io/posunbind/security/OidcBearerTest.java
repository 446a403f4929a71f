package io.posunbind.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * OIDC bearer tokens switched on by configuration alone, with roles from a claim of our choosing. No OIDC server:
 * the test makes an RSA key pair, gives the service the public key and signs its own tokens with the private one.
 */
@QuarkusTest
@TestProfile(OidcBearerTest.WithOidc.class)
class OidcBearerTest {
    static final String ISSUER = "https://idp.example.test/realms/pos";
    static final String ROLE_CLAIM = "unbind_roles";

    /** Turns OIDC on with a key pair made for this run; the private key goes to a file the test reads back. */
    public static class WithOidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            KeyPair keys = newKeyPair();
            Path keyFile = Path.of("target", "oidc-test", UUID.randomUUID() + ".key");
            try {
                Files.createDirectories(keyFile.getParent());
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                    "quarkus.oidc.token.issuer", ISSUER,
                    "quarkus.oidc.roles.role-claim-path", ROLE_CLAIM,
                    "oidc-test.signing-key-file", keyFile.toString());
        }
    }

    @Test
    void aValidTokenWithTheRoleDecidesAndTheRecordNamesItsSubject() throws IOException {
        Response answered = bearer(token("payments-gateway", List.of(Roles.DECISION_CLIENT), inMinutes(5)))
                .contentType(ContentType.JSON).body(Files.readString(Path.of("src/test/resources/audit/request.json")))
                .when().post("/api/v1/decisions");

        answered.then().statusCode(200);
        bearer(token("auditor-bot", List.of(Roles.AUDITOR), inMinutes(5)))
                .when().get("/api/v1/decisions/" + answered.header("X-Decision-Id"))
                .then().statusCode(200).body("requestedBy", equalTo("payments-gateway"));
    }

    @Test
    void aValidTokenWithoutTheRoleIs403() {
        bearer(token("auditor-bot", List.of(Roles.AUDITOR), inMinutes(5)))
                .contentType(ContentType.JSON).body("{}").when().post("/api/v1/decisions")
                .then().statusCode(403).contentType("application/problem+json");
        bearer(token("nobody", List.of(), inMinutes(5))).when().get("/api/v1/audit/verify")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIs401() {
        assertUnauthorized(bearer(token("auditor-bot", List.of(Roles.AUDITOR), inMinutes(-5)))
                .when().get("/api/v1/audit/verify"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() {
        String forged = Jwt.issuer(ISSUER).upn("mallory").claim(ROLE_CLAIM, List.of(Roles.AUDITOR))
                .expiresAt(inMinutes(5)).sign(newKeyPair().getPrivate());

        assertUnauthorized(bearer(forged).when().get("/api/v1/audit/verify"));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        String foreign = Jwt.issuer("https://elsewhere.example.test").upn("auditor-bot")
                .claim(ROLE_CLAIM, List.of(Roles.AUDITOR)).expiresAt(inMinutes(5)).sign(signingKey());

        assertUnauthorized(bearer(foreign).when().get("/api/v1/audit/verify"));
    }

    @Test
    void basicStillWorksBesideTokensAndA401OffersBoth() {
        TestUsers.asAuditor().when().get("/api/v1/audit/verify").then().statusCode(200);

        Response refused = given().when().get("/api/v1/audit/verify");
        refused.then().statusCode(401);
        assertThat(refused.headers().getValues("WWW-Authenticate"))
                .anySatisfy(v -> assertThat(v).startsWith("Basic "))
                .anySatisfy(v -> assertThat(v).startsWith("Bearer "));
    }

    private static void assertUnauthorized(Response refused) {
        refused.then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"));
        assertThat(refused.asString()).doesNotContain("Exception", "jose4j", "signature");
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static String token(String subject, List<String> roles, Instant expiresAt) {
        return Jwt.issuer(ISSUER).upn(subject).claim(ROLE_CLAIM, roles)
                .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt).sign(signingKey());
    }

    private static Instant inMinutes(int minutes) {
        return Instant.now().plusSeconds(60L * minutes);
    }

    private static PrivateKey signingKey() {
        String file = ConfigProvider.getConfig().getValue("oidc-test.signing-key-file", String.class);
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(Path.of(file)));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the test's own signing key cannot be read", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
