package org.christchurchcall.hashmatch.label.rest;

import java.util.Comparator;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.christchurchcall.hashmatch.label.Label;
import org.christchurchcall.hashmatch.label.LabelTaxonomy;
import org.christchurchcall.platform.pagination.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/v1/labels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "labels", description = "The label taxonomy of hash records")
@SecurityRequirement(name = "oauth2")
public class LabelResource {

    public record LabelView(@Schema(example = "graphic-violence-against-defenceless-people") String code,
            @Schema(enumeration = { "behaviour", "entity", "list-source", "content-type" }, example = "behaviour") String kind,
            @Schema(example = "Graphic violence against defenceless people") String name, String description,
            @Schema(description = "for an entity: the list-source label that designates it",
                    example = "un-sc-consolidated-list") String listSource) {
    }

    @Inject
    LabelTaxonomy taxonomy;

    @GET
    @Authenticated
    @Operation(summary = "The label taxonomy", description = "Behaviours, producing entities with their list "
            + "source, list sources and content types. Any authenticated caller.")
    @APIResponse(responseCode = "200", description = "All labels")
    @APIResponse(responseCode = "401", description = "No valid token")
    public Page<LabelView> list() {
        return new Page<>(taxonomy.all().values().stream()
                .sorted(Comparator.comparing((Label l) -> l.kind)
                        .thenComparing(l -> l.code))
                .map(l -> new LabelView(l.code, l.kind, l.name, l.description, l.listSource)).toList(), null, null);
    }
}
