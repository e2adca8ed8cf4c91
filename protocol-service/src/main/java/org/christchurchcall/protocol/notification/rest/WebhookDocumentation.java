package org.christchurchcall.protocol.notification.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.christchurchcall.protocol.notification.service.Outbox;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The webhooks protocol-service sends (OpenAPI 3.1 {@code webhooks}), one per event type, with the
 * schema of each payload as components ({@code WebhookEvent}, {@code IncidentActivatedEvent}, ...)
 * and the Standard Webhooks headers. docs/webhooks.md is the prose; the payloads are built by
 * {@link Outbox} and the services that call it, and WebhookDocumentationTest holds both to them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class WebhookDocumentation implements OASFilter {

    private static final String REF = "#/components/schemas/";
    private static final String INCIDENT_ID = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e";
    private static final String EVENT_ID = "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e";

    /** Event type, its schema name, its data schema name, what it means. */
    private record Event(String type, String schema, String dataSchema, String summary, Map<String, Object> data) {
    }

    static List<Event> events() {
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("ongoingEvent", true);
        criteria.put("perpetratorProducedContent", true);
        criteria.put("murderOrAttemptedMurder", true);
        criteria.put("onOrSpreadingToMemberPlatforms", true);
        Map<String, Object> activated = new LinkedHashMap<>();
        activated.put("activationId", "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
        activated.put("criteria", criteria);
        activated.put("decision", "The operating board activates a Perpetrator Content Incident");
        activated.put("protocol", "gifct-cip");
        activated.put("protocolVersion", "2025");
        activated.put("sharesHashes", true);
        activated.put("status", "in-effect");
        activated.put("type", "perpetrator-content-incident");
        activated.put("vocabulary", "types");
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("activationId", "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e");
        level.put("from", "awareness");
        level.put("protocol", "ccscrp");
        level.put("protocolVersion", "2019");
        level.put("reason", "Content is spreading to further platforms");
        level.put("sharesHashes", false);
        level.put("to", "coordinated-response");
        level.put("vocabulary", "levels");
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("counts", Map.of("platformsAffected", 4, "urlsRemoved", 120));
        update.put("summary", "Copies found on 4 further platforms");
        update.put("timelineEntryId", "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
        Map<String, Object> concluded = new LinkedHashMap<>();
        concluded.put("concludedAt", "2026-03-16T09:00:00Z");
        concluded.put("rationale", "No new copies for 24 hours");
        return List.of(
                new Event(Outbox.ACTIVATED, "IncidentActivatedEvent", "IncidentActivatedData",
                        "A protocol took effect for the incident (at once, or on a second organisation's approval)",
                        activated),
                new Event(Outbox.LEVEL_CHANGED, "IncidentLevelChangedEvent", "IncidentLevelChangedData",
                        "A protocol in effect moved to another level (or, under a version with activation "
                                + "types, to another type)", level),
                new Event(Outbox.UPDATED, "IncidentSituationalUpdateEvent", "IncidentSituationalUpdateData",
                        "The crisis coordinator posted a situational update with counts", update),
                new Event(Outbox.CONCLUDED, "IncidentConcludedEvent", "IncidentConcludedData",
                        "The incident was concluded", concluded));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema("WebhookIncident", incident());
        components.addSchema("WebhookEvent", envelope());
        components.addSchema("IncidentActivatedData", object("What took effect: at a level (level) under a protocol "
                + "version with levels, or of an activation type (type) under one with types")
                .addProperty("activationId", uuid("The activation"))
                .addProperty("protocol", string("The protocol code", "gifct-cip"))
                .addProperty("protocolVersion", string("The protocol version the activation was made under; it "
                        + "keeps it", "2025"))
                .addProperty("vocabulary", string("That version's vocabulary", "types")
                        .enumeration(List.of("levels", "types")))
                .addProperty("level", string("The level code; only when vocabulary is levels", "content-incident-protocol"))
                .addProperty("type", string("The activation type code; only when vocabulary is types",
                        "perpetrator-content-incident"))
                .addProperty("sharesHashes", bool().description("Whether the level or type shares the perpetrator's "
                        + "hashes in the hash-sharing database"))
                .addProperty("status", string("The activation's status", "in-effect")
                        .enumeration(List.of("in-effect")))
                .addProperty("criteria", object("The criteria checklist of the activation")
                        .addProperty("ongoingEvent", bool()).addProperty("perpetratorProducedContent", bool())
                        .addProperty("murderOrAttemptedMurder", bool())
                        .addProperty("onOrSpreadingToMemberPlatforms", bool()))
                .addProperty("decision", string("The recorded decision", "All four criteria met")));
        components.addSchema("IncidentLevelChangedData", object("The change of level (or of activation type, "
                + "under a protocol version with types); the activation stays in its version")
                .addProperty("activationId", uuid("The activation"))
                .addProperty("protocol", string("The protocol code", "ccscrp"))
                .addProperty("protocolVersion", string("The activation's protocol version", "2019"))
                .addProperty("vocabulary", string("That version's vocabulary: from and to are levels or activation "
                        + "types", "levels").enumeration(List.of("levels", "types")))
                .addProperty("from", string("The previous level or type code", "awareness"))
                .addProperty("to", string("The new level or type code", "coordinated-response"))
                .addProperty("sharesHashes", bool().description("Whether the new level or type shares the "
                        + "perpetrator's hashes"))
                .addProperty("reason", string("Why", "Content is spreading to further platforms")));
        components.addSchema("IncidentSituationalUpdateData", object("The update")
                .addProperty("summary", string("What the coordinator reports", "Copies found on 4 further platforms"))
                .addProperty("counts", object("Named counts (camelCase names, whole numbers from 0)")
                        .additionalPropertiesSchema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                                .minimum(java.math.BigDecimal.ZERO)))
                .addProperty("timelineEntryId", uuid("The update's timeline entry")));
        components.addSchema("IncidentConcludedData", object("The conclusion")
                .addProperty("rationale", string("Why the incident was concluded", "No new copies for 24 hours"))
                .addProperty("concludedAt", dateTime("When")));
        for (Event e : events()) {
            Schema s = OASFactory.createSchema().description(e.summary() + ". Event type " + e.type() + ".")
                    .addAllOf(OASFactory.createSchema().ref(REF + "WebhookEvent"))
                    .addAllOf(object(null)
                            .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                    .constValue(e.type()))
                            .addProperty("data", OASFactory.createSchema().ref(REF + e.dataSchema())));
            s.examples(List.of(example(e)));
            components.addSchema(e.schema(), s);
            openAPI.addWebhook(e.type(), OASFactory.createPathItem().POST(operation(e)));
        }
    }

    private static Operation operation(Event e) {
        return OASFactory.createOperation().operationId("webhook-" + e.type().replace('.', '-'))
                .summary(e.summary())
                .description("POSTed to every active webhook endpoint of each supporter taking part in the "
                        + "incident's protocols (registered at supporter-service). Signed per Standard Webhooks: "
                        + "verify webhook-signature over `webhook-id.webhook-timestamp.body` (the raw bytes) with "
                        + "the endpoint's whsec_ secret, and refuse timestamps more than 5 minutes from your clock. "
                        + "Answer 2xx within 10 s to accept; anything else is retried with exponential backoff "
                        + "for 24 hours, then dead-lettered. See docs/webhooks.md.")
                .addTag("webhooks")
                .parameters(new ArrayList<>(List.of(
                        header("webhook-id", "The delivery's id (a UUID); the same on every retry of it: "
                                + "deduplicate on it", INCIDENT_ID),
                        header("webhook-timestamp", "Unix seconds when this attempt was signed", "1773538800"),
                        header("webhook-signature", "Space-separated v1,<base64 HMAC-SHA256> signatures",
                                "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="))))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(REF + e.schema())).example(example(e)))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("2XX", OASFactory.createAPIResponse()
                                .description("Accepted: the delivery is recorded as delivered; the body is ignored"))
                        .addAPIResponse("default", OASFactory.createAPIResponse()
                                .description("Any other status, a timeout (10 s) or a connection failure: retried "
                                        + "with exponential backoff and jitter until 24 hours after the event, "
                                        + "then dead-lettered")));
    }

    static Map<String, Object> example(Event e) {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("acknowledge", "/api/v1/incidents/" + INCIDENT_ID + "/acknowledgements");
        incident.put("href", "/api/v1/incidents/" + INCIDENT_ID);
        incident.put("id", INCIDENT_ID);
        incident.put("location", "Christchurch, New Zealand");
        incident.put("occurredAt", "2026-03-15T01:40:00Z");
        incident.put("protocols", List.of("ccscrp", "gifct-cip"));
        incident.put("status", Outbox.CONCLUDED.equals(e.type()) ? "concluded" : "active");
        incident.put("title", "Livestreamed attack at a place of worship");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("classification", "live");
        body.put("data", e.data());
        body.put("eventId", EVENT_ID);
        body.put("exercise", false);
        body.put("incident", incident);
        body.put("timestamp", "2026-03-15T02:05:00Z");
        body.put("type", e.type());
        return body;
    }

    private static Schema envelope() {
        List<Object> types = new ArrayList<>();
        events().forEach(e -> types.add(e.type()));
        return object("What every webhook body has; the body is canonical JSON (RFC 8785: no whitespace, "
                + "keys sorted), but verify the bytes as received")
                .addRequired("type").addRequired("eventId").addRequired("timestamp").addRequired("exercise")
                .addRequired("classification").addRequired("incident").addRequired("data")
                .addProperty("type", string("The event type", Outbox.ACTIVATED).enumeration(types))
                .addProperty("eventId", uuid("The event; every endpoint notified of it gets the same eventId "
                        + "(acknowledge it with this id)"))
                .addProperty("timestamp", dateTime("When the event happened"))
                .addProperty("exercise", bool().description("True for an exercise, never a real crisis"))
                .addProperty("classification", string("live or exercise", "live")
                        .enumeration(List.of("live", "exercise")))
                .addProperty("incident", OASFactory.createSchema().ref(REF + "WebhookIncident"))
                .addProperty("data", object("What happened; its schema depends on type"));
    }

    private static Schema incident() {
        return object("The incident as of the event")
                .addProperty("id", uuid("The incident"))
                .addProperty("title", string("The title; an exercise's starts with [EXERCISE]",
                        "Livestreamed attack at a place of worship"))
                .addProperty("status", string("The incident's status", "active").enumeration(List.of("reported",
                        "assessing", "active", "concluding", "concluded", "debriefed")))
                .addProperty("occurredAt", dateTime("When the incident happened"))
                .addProperty("location", string("Where", "Christchurch, New Zealand"))
                .addProperty("protocols", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(string("A protocol code", "ccscrp")))
                .addProperty("href", string("The incident at protocol-service (GET with a token)",
                        "/api/v1/incidents/" + INCIDENT_ID))
                .addProperty("acknowledge", string("Where to POST the acknowledgement",
                        "/api/v1/incidents/" + INCIDENT_ID + "/acknowledgements"));
    }

    private static Parameter header(String name, String description, String example) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true)
                .description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .example(example);
    }

    private static Schema object(String description) {
        Schema s = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        return description == null ? s : s.description(description);
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description)
                .examples(List.of(example));
    }

    private static Schema uuid(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid").description(description)
                .examples(List.of(INCIDENT_ID));
    }

    private static Schema dateTime(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time")
                .description(description).examples(List.of("2026-03-15T01:40:00Z"));
    }

    private static Schema bool() {
        return OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN);
    }
}
