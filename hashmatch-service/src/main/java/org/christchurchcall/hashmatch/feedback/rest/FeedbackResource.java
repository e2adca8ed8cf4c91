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
    public record FeedbackView(UUID id, UUID hashId, String verdict, String reason, String comment, UUID disputeId,
            UUID supporterId, Instant createdAt) {
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
    @APIResponse(responseCode = "201", description = "Recorded; disputeId names the dispute a disagreement joined")
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
