package org.christchurchcall.supporter.commitments.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.pagination.Page;
import org.christchurchcall.platform.pagination.PageRequest;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.supporter.commitments.Commitment;
import org.christchurchcall.supporter.commitments.CommitmentGroup;
import org.christchurchcall.supporter.commitments.repository.CommitmentRepository;
import org.christchurchcall.supporter.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commitments", description = "The Call's 25 commitments (labels are our paraphrase)")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@Authenticated
@Transactional(Transactional.TxType.SUPPORTS)
public class CommitmentResource {

    @Inject
    CommitmentRepository commitments;

    public record CommitmentView(@Schema(example = "7") String id, CommitmentGroup group, int position, String label, boolean paraphrase,
            String note) {
        public static CommitmentView of(Commitment c) {
            return new CommitmentView(c.id, c.commitmentGroup, c.position, c.label, c.paraphrase, c.note);
        }
    }

    @GET
    @Operation(summary = "List the commitments", description = "Any authenticated caller; in the Call's order, "
            + "optionally one group.")
    @APIResponse(responseCode = "200", description = "A page of commitments")
    @APIResponse(responseCode = "400", description = "Bad group, limit or cursor")
    public Page<CommitmentView> list(@BeanParam @Valid PageRequest page, @QueryParam("group") String group,
            @Context UriInfo uri) {
        int after = 0;
        if (page.hasCursor()) {
            try {
                after = Integer.parseInt(Cursor.decode(page.cursor(), 1).get(0));
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("cursor", "not a cursor this list returned");
            }
        }
        List<Commitment> rows = commitments.page(Params.code(CommitmentGroup.class, "group", group), after,
                page.limit() + 1);
        return Page.of(rows, page.limit(), c -> Cursor.encode(Integer.toString(c.position)), CommitmentView::of, uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a commitment", description = "Any authenticated caller. Ids are stable: gov-1..gov-5, "
            + "osp-1..osp-7, joint-1..joint-13.")
    @APIResponse(responseCode = "200", description = "The commitment")
    @APIResponse(responseCode = "404", description = "No such commitment")
    public CommitmentView get(@PathParam("id") String id) {
        return commitments.findByIdOptional(id).map(CommitmentView::of)
                .orElseThrow(() -> ApiException.notFound("commitment", id));
    }
}
