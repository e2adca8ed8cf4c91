package org.christchurchcall.supporter;

import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CommitmentResourceTest {

    @Test
    void theCallsTwentyFiveCommitmentsAreSeededAndReadableByAnyAuthenticatedCaller() {
        as(TestTokens.forSupporter(UUID.randomUUID(), Roles.COMPANY)).get("/api/v1/commitments").then().statusCode(200)
                .body("items", hasSize(25))
                .body("next", nullValue())
                .body("items[0].id", equalTo("gov-1"))
                .body("items[24].id", equalTo("joint-13"))
                .body("items.paraphrase", everyItem(equalTo(true)))
                .body("items.note", everyItem(notNullValue()))
                .body("items.id", hasItems("gov-5", "osp-7", "joint-7"));
    }

    @Test
    void groupsSplitFiveSevenThirteen() {
        String token = TestTokens.withRoles(Roles.AUDITOR);
        as(token).queryParam("group", "government").get("/api/v1/commitments").then().statusCode(200)
                .body("items", hasSize(5)).body("items.group", everyItem(equalTo("government")));
        as(token).queryParam("group", "online-service-providers").get("/api/v1/commitments").then().statusCode(200)
                .body("items", hasSize(7));
        as(token).queryParam("group", "joint").get("/api/v1/commitments").then().statusCode(200)
                .body("items", hasSize(13));
    }

    @Test
    void pagesWithAnOpaqueCursor() {
        String token = TestTokens.withRoles(Roles.SERVICE);
        String cursor = as(token).queryParam("limit", 10).get("/api/v1/commitments").then().statusCode(200)
                .body("items", hasSize(10)).body("next", notNullValue()).extract().path("nextCursor");
        as(token).queryParam("limit", 10).queryParam("cursor", cursor).get("/api/v1/commitments").then()
                .statusCode(200).body("items[0].id", equalTo("osp-6"));
        problem(as(token).queryParam("cursor", "not-a-cursor").get("/api/v1/commitments").then(), 400);
        problem(as(token).queryParam("limit", 501).get("/api/v1/commitments").then(), 400);
    }

    @Test
    void readsOneByItsStableId() {
        as(TestTokens.withRoles(Roles.MATCHER)).get("/api/v1/commitments/{id}", "joint-7").then().statusCode(200)
                .body("group", equalTo("joint"))
                .body("label", equalTo("Develop and take part in a shared crisis protocol for emerging or active events"));
        problem(as(TestTokens.secretariat()).get("/api/v1/commitments/{id}", "gov-99").then(), 404);
    }

    @Test
    void anUnknownGroupIsABadRequest() {
        problem(as(TestTokens.secretariat()).queryParam("group", "everyone").get("/api/v1/commitments").then(), 400)
                .body("errors[0].field", equalTo("group"));
    }
}
