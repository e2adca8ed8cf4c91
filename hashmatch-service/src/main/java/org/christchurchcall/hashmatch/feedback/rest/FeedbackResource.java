package org.christchurchcall.hashmatch.feedback.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.christchurchcall.hashmatch.feedback.Feedback;
import org.christchurchcall.hashmatch.feedback.service.FeedbackService;
import org.christchurchcall.hashmatch.feedback.service.FeedbackService.FeedbackRequest;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

@Path("/api/v1/hashes/{hashId}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback and disputes", description = "Members' agreement with records; the secretariat resolves disputes")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
public class FeedbackResource {

    /** Feedback as its author and the secretariat see it; the author's supporter only for the secretariat. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeedbackView(@Schema(example = "0b7e4c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e") UUID id,
            @Schema(example = "6a0f8a52-3c1e-4d7b-9f2a-1b2c3d4e5f60") UUID hashId,
            @Schema(enumeration = { "agree", "disagree" }, example = "disagree") String verdict,
            @Schema(enumeration = { "wrong-label", "not-terrorist-content", "not-in-taxonomy", "other" },
                    example = "wrong-label") String reason,
            @Schema(example = "The footage is from a news report, not the attacker's stream") String comment,
            @Schema(description = "the dispute a disagreement opened or joined", example = "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f") UUID disputeId,
            @Schema(description = "the author's supporter; only for the secretariat") UUID supporterId,
            @Schema(example = "2026-03-16T09:00:00Z") Instant createdAt) {
    }

    @Inject
    FeedbackService feedback;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HASH_CONTRIBUTOR, Roles.MATCHER })
    @Operation(summary = "Agree or disagree with a record", description = "Roles hash-contributor or matcher, acting "
            + "for a supporter; once per supporter and record. A disagreement (reason wrong-label, "
            + "not-terrorist-content, not-in-taxonomy or other) opens a dispute, or joins the open one, and marks "
            + "the record disputed.")
    @APIResponse(responseCode = "201", description = "Recorded; disputeId names the dispute a disagreement joined",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", description = "Bad verdict, reason or comment")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "Feedback already given, or the record is retracted")
    public Response give(@PathParam("hashId") UUID hashId, FeedbackRequest request, @Context UriInfo uri) {
        UUID supporter = caller.supporterId()
                .orElseThrow(() -> ApiException.forbidden("feedback is given by a supporter; this token names none"));
        String type = caller.supporterType().orElse("unknown");
        Feedback f = feedback.record(hashId, supporter, type, request);
        URI location = uri.getBaseUriBuilder().path("api/v1/hashes").path(hashId.toString()).path("feedback")
                .path(f.id.toString()).build();
        return Response.created(location).entity(view(f, hashId)).build();
    }

    @GET
    @Path("{feedbackId}")
    @RolesAllowed({ Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SECRETARIAT })
    @Operation(summary = "One piece of feedback", description = "Its author (hash-contributor or matcher) or the secretariat.")
    @APIResponse(responseCode = "200", description = "The feedback")
    @APIResponse(responseCode = "404", description = "No such feedback among the caller's")
    public FeedbackView get(@PathParam("hashId") UUID hashId, @PathParam("feedbackId") UUID feedbackId) {
        Feedback f = feedback.get(hashId, feedbackId);
        if (!caller.isSecretariat() && !caller.actsFor(f.supporterId)) {
            throw ApiException.notFound("feedback", feedbackId);
        }
        return view(f, hashId);
    }

    private FeedbackView view(Feedback f, UUID hashId) {
        return new FeedbackView(f.id, hashId, f.verdict, f.reason, f.comment, f.dispute == null ? null : f.dispute.id,
                caller.isSecretariat() ? f.supporterId : null, f.createdAt);
    }
}
