package org.christchurchcall.report.rendering;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.report.support.Reports;
import org.christchurchcall.report.support.SourceStubs;
import org.christchurchcall.report.support.WireMockSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Text from elsewhere (a label from hashmatch-service, the secretariat's override reason) reaches
 * the page as text: markup and quotes in it are escaped in the body, in attributes and in the
 * charts, so it can neither add elements nor leave an attribute.
 */
@QuarkusTest
@WithTestResource(WireMockSources.class)
class HtmlEscapingTest {

    static final String LABEL = "<script>alert(\"label\")</script>'&";
    static final String LABEL_ESCAPED = "&lt;script&gt;alert(&quot;label&quot;)&lt;/script&gt;&#39;&amp;";
    static final String REASON = "<img src=x onerror=\"alert('reason')\">";
    static final String REASON_ESCAPED = "&lt;img src=x onerror=&quot;alert(&#39;reason&#39;)&quot;&gt;";

    @WireMockSources.Inject
    WireMockServer wm;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void sources() {
        breakers.resetAll();
        SourceStubs.allUp(wm);
    }

    @Test
    void aLabelAndAnOverrideReasonWithMarkupAndQuotesAreEscapedOnThePage() {
        String hashes = SourceStubs.fixture("hash-aggregates.json").replace("\"recruitment\": 150",
                "\"recruitment\": 150, \"" + LABEL.replace("\"", "\\\"") + "\": 7");
        SourceStubs.hashes(wm, hashes);
        SourceStubs.down(wm, SourceStubs.INCIDENTS);
        JsonNode draft = Reports.createDraftOk("2019");
        assertTrue(draft.toString().contains("label"), "the label is in the figures");

        String draftPage = given().auth().oauth2(TestTokens.secretariat())
                .get("/api/v1/report-drafts/" + draft.get("id").asText() + "/report.html").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertEscaped(draftPage, LABEL_ESCAPED);

        Reports.publish(draft.get("id").asText(), draft.get("version").asLong(), REASON).then().statusCode(201);
        String published = given().get("/api/v1/reports/2019/latest/report.html").then().statusCode(200).extract().asString();
        assertEscaped(published, LABEL_ESCAPED);
        assertEscaped(published, REASON_ESCAPED);
        assertTrue(published.contains("The secretariat chose to publish anyway: " + REASON_ESCAPED + "</div>"));
    }

    private static void assertEscaped(String page, String escaped) {
        assertFalse(page.contains("<script"), "no script element");
        assertFalse(page.contains("<img"), "no image element");
        assertFalse(page.contains("alert(\"") || page.contains("alert('"), "no raw quotes from the text");
        assertTrue(page.contains(escaped), "escaped text is shown: " + escaped);
        if (escaped.equals(LABEL_ESCAPED)) {
            // in the table, in an attribute of the chart's bar and in its title
            assertTrue(page.contains("<td class=\"\" data-column=\"label\" data-value=\"" + LABEL_ESCAPED + "\">" + LABEL_ESCAPED
                    + "</td>"), "table cell");
            assertTrue(page.contains("data-label=\"" + LABEL_ESCAPED + "\""), "chart attribute");
            assertTrue(page.contains("<title>" + LABEL_ESCAPED + ": 7</title>"), "chart title");
        }
    }
}
