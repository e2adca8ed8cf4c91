package org.christchurchcall.report;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.christchurchcall.report.support.Reports.json;
import static org.christchurchcall.report.support.Reports.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.ServiceTokenStub;
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

/** A draft generated from known data in the three sources, every figure checked. */
@QuarkusTest
@WithTestResource(WireMockSources.class)
class ReportGenerationTest {

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
    void everyFigureComesFromTheSources() {
        JsonNode draft = Reports.createDraftOk("2024");
        assertEquals("2024", draft.get("period").asText());
        assertEquals("draft", draft.get("status").asText());
        assertEquals(0, draft.get("missing").size(), () -> draft.get("missing").toString());
        JsonNode c = draft.get("content");
        assertEquals("ccall-report/1", c.get("schema").asText());
        assertEquals("Christchurch Call transparency report, 2024", c.get("title").asText());
        assertEquals(json("{\"key\":\"2024\",\"label\":\"2024\",\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2025-01-01T00:00:00Z\"}"),
                c.get("period"));

        rows(c, "hashes-by-type", "[{'type':'md5','hashes':300},{'type':'pdq','hashes':700},{'type':'sha256','hashes':200}]");
        rows(c, "hashes-by-label", "[{'label':'glorification-of-terrorist-acts','hashes':400},"
                + "{'label':'graphic-violence-against-defenceless-people','hashes':650},{'label':'recruitment','hashes':150}]");
        rows(c, "hashes-by-contributor-type", "[{'supporterType':'civil-society','hashes':50},"
                + "{'supporterType':'company','hashes':900},{'supporterType':'government','hashes':250}]");
        rows(c, "hashes-by-status", "[{'status':'active','hashes':1150},{'status':'disputed','hashes':20},"
                + "{'status':'retracted','hashes':30}]");
        rows(c, "hashes-added-retracted", "[{'change':'added','hashes':480},{'change':'retracted','hashes':12}]");
        rows(c, "hashes-added-by-type", "[{'type':'md5','hashes':100},{'type':'pdq','hashes':300},{'type':'sha256','hashes':80}]");
        rows(c, "hash-feedback", "[{'verdict':'agree','feedback':75},{'verdict':'disagree','feedback':9}]");
        rows(c, "disputes", "[{'raised':14,'resolved':11,'openNow':3}]");
        rows(c, "dispute-outcomes", "[{'outcome':'keep','disputes':6},{'outcome':'relabel','disputes':3},"
                + "{'outcome':'retract','disputes':2}]");
        rows(c, "matches-served", "[{'queries':250000,'matches':1875}]");
        rows(c, "matches-by-type", "[{'type':'md5','matches':400},{'type':'pdq','matches':1300},{'type':'sha256','matches':175}]");

        rows(c, "incidents-and-exercises", "[{'kind':'incidents-reported','count':4},{'kind':'incidents-activated','count':3},"
                + "{'kind':'incidents-concluded','count':2},{'kind':'exercises-left-out','count':2}]");
        rows(c, "incidents-by-status", "[{'status':'activated','incidents':1},{'status':'concluded','incidents':2},"
                + "{'status':'reported','incidents':1}]");
        rows(c, "activations-by-protocol-and-level", "[{'protocol':'ccscrp','level':'coordinated-response','activations':3},"
                + "{'protocol':'eu-crisis-protocol','level':'crisis','activations':1},"
                + "{'protocol':'gifct-cip','level':'content-incident-protocol','activations':2}]");
        rows(c, "crisis-response-times", "["
                + "{'interval':'report-to-activation','incidents':3,'minSeconds':540,'medianSeconds':1260.5,'meanSeconds':1380.167,'maxSeconds':2340},"
                + "{'interval':'activation-to-first-notification-delivered','incidents':3,'minSeconds':1.25,'medianSeconds':2.5,'meanSeconds':3,'maxSeconds':5.25},"
                + "{'interval':'activation-to-first-acknowledgement','incidents':3,'minSeconds':120,'medianSeconds':300,'meanSeconds':340,'maxSeconds':600},"
                + "{'interval':'activation-to-median-acknowledgement','incidents':3,'minSeconds':400,'medianSeconds':900,'meanSeconds':1000,'maxSeconds':1700},"
                + "{'interval':'activation-to-last-acknowledgement','incidents':3,'minSeconds':1800,'medianSeconds':3600,'meanSeconds':4200,'maxSeconds':7200},"
                + "{'interval':'activation-to-conclusion','incidents':2,'minSeconds':88200,'medianSeconds':122400,'meanSeconds':122400,'maxSeconds':156600}]");

        rows(c, "supporters-by-type", "[{'supporterType':'civil-society','supporters':11},{'supporterType':'company','supporters':18},"
                + "{'supporterType':'government','supporters':55},{'supporterType':'intergovernmental','supporters':3}]");
        rows(c, "joins-by-type", "[{'supporterType':'civil-society','joined':1},{'supporterType':'company','joined':3},"
                + "{'supporterType':'government','joined':2},{'supporterType':'intergovernmental','joined':0}]");
        rows(c, "supporters-over-time", "["
                + "{'date':'2024-01-01','supporterType':'civil-society','supporters':10},{'date':'2024-01-01','supporterType':'company','supporters':15},"
                + "{'date':'2024-01-01','supporterType':'government','supporters':53},{'date':'2024-01-01','supporterType':'intergovernmental','supporters':3},"
                + "{'date':'2024-07-01','supporterType':'civil-society','supporters':10},{'date':'2024-07-01','supporterType':'company','supporters':17},"
                + "{'date':'2024-07-01','supporterType':'government','supporters':54},{'date':'2024-07-01','supporterType':'intergovernmental','supporters':3},"
                + "{'date':'2025-01-01','supporterType':'civil-society','supporters':11},{'date':'2025-01-01','supporterType':'company','supporters':18},"
                + "{'date':'2025-01-01','supporterType':'government','supporters':55},{'date':'2025-01-01','supporterType':'intergovernmental','supporters':3}]");

        // the 2024 stocktake (opened 2024-03-01) is the latest opened before 2025; 2026's is later, 2021's older
        JsonNode stocktake = table(c, "stocktake-status-by-commitment");
        assertEquals("From the stocktake \"2024 stocktake\" (5c1c0c7e-0000-4000-8000-000000002024).", stocktake.get("note").asText());
        rows(c, "stocktake-status-by-commitment", "["
                + "{'commitment':'gov-1','supporterType':'government','status':'implemented','supporters':2,'share':0.6667},"
                + "{'commitment':'gov-1','supporterType':'government','status':'in-progress','supporters':1,'share':0.3333},"
                + "{'commitment':'gov-1','supporterType':'government','status':'not-applicable','supporters':0,'share':0},"
                + "{'commitment':'gov-1','supporterType':'government','status':'not-started','supporters':0,'share':0},"
                // no civil-society supporter reported on joint-6: its shares are unknown, not zero
                + "{'commitment':'joint-6','supporterType':'civil-society','status':'implemented','supporters':0,'share':null},"
                + "{'commitment':'joint-6','supporterType':'civil-society','status':'in-progress','supporters':0,'share':null},"
                + "{'commitment':'joint-6','supporterType':'civil-society','status':'not-applicable','supporters':0,'share':null},"
                + "{'commitment':'joint-6','supporterType':'civil-society','status':'not-started','supporters':0,'share':null},"
                + "{'commitment':'joint-6','supporterType':'company','status':'implemented','supporters':3,'share':0.75},"
                + "{'commitment':'joint-6','supporterType':'company','status':'in-progress','supporters':1,'share':0.25},"
                + "{'commitment':'joint-6','supporterType':'company','status':'not-applicable','supporters':0,'share':0},"
                + "{'commitment':'joint-6','supporterType':'company','status':'not-started','supporters':0,'share':0},"
                + "{'commitment':'joint-6','supporterType':'government','status':'implemented','supporters':1,'share':0.3333},"
                + "{'commitment':'joint-6','supporterType':'government','status':'in-progress','supporters':1,'share':0.3333},"
                + "{'commitment':'joint-6','supporterType':'government','status':'not-applicable','supporters':0,'share':0},"
                + "{'commitment':'joint-6','supporterType':'government','status':'not-started','supporters':1,'share':0.3333}]");

        List<String> ids = new ArrayList<>();
        c.get("tables").forEach(t -> ids.add(t.get("id").asText()));
        assertEquals(19, ids.size(), ids::toString);
        c.get("tables").forEach(t -> assertTrue(t.get("missingReason").isNull(), t.get("id").asText()));

        JsonNode sources = c.get("sources");
        assertEquals(4, sources.size());
        sources.forEach(s -> assertEquals("ok", s.get("status").asText(), s.toString()));
        assertEquals("GET /api/v1/hashes/aggregates?from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z",
                sources.get(0).get("request").asText());
        assertEquals("hashmatch-service", sources.get(0).get("service").asText());
        assertEquals("protocol-service", sources.get(1).get("service").asText());
        assertEquals("supporter-service", sources.get(2).get("service").asText());

        // real HTTP with the service token, for exactly the period
        for (String path : List.of(SourceStubs.HASHES, SourceStubs.INCIDENTS, SourceStubs.MEMBERSHIP)) {
            wm.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("from", equalTo("2024-01-01T00:00:00Z"))
                    .withQueryParam("to", equalTo("2025-01-01T00:00:00Z"))
                    .withHeader("Authorization", equalTo("Bearer " + SourceStubs.TOKEN)));
        }
        wm.verify(getRequestedFor(urlPathEqualTo(SourceStubs.STOCKTAKES)).withQueryParam("cursor", equalTo("cGFnZTI")));
        wm.verify(getRequestedFor(urlPathEqualTo(SourceStubs.SUMMARY)));
    }

    @Test
    void theServiceTokenIsFetchedOnceAndReused() {
        // the token may already be cached from an earlier test: the count is per this test's requests
        Reports.createDraftOk("2024-h1");
        Reports.createDraftOk("2024-h2");
        int tokenCalls = ServiceTokenStub.requests(wm).size();
        assertTrue(tokenCalls <= 1, "token fetched " + tokenCalls + " times for two drafts");
        assertTrue(ServiceTokenStub.allClientCredentials(wm, SourceStubs.CLIENT_BASIC));
    }

    @Test
    void periodsOfEveryKindResolveToUtcIntervals() {
        JsonNode q = Reports.createDraftOk("2023-Q4").get("content").get("period");
        assertEquals(json("{\"key\":\"2023-q4\",\"label\":\"2023 Q4\",\"from\":\"2023-10-01T00:00:00Z\",\"to\":\"2024-01-01T00:00:00Z\"}"), q);
        JsonNode m = Reports.createDraftOk("2024-02").get("content").get("period");
        assertEquals(json("{\"key\":\"2024-02\",\"label\":\"February 2024\",\"from\":\"2024-02-01T00:00:00Z\",\"to\":\"2024-03-01T00:00:00Z\"}"), m);
        JsonNode r = Reports.createDraftOk("2024-03-01--2024-03-15").get("content").get("period");
        assertEquals("2024-03-16T00:00:00Z", r.get("to").asText());
    }

    private static void rows(JsonNode content, String figure, String expected) {
        assertEquals(json(expected.replace('\'', '"')), table(content, figure).get("rows"), figure);
    }
}
