package org.christchurchcall.protocol.catalogue.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.christchurchcall.protocol.contact.CrisisContact;

/** Request and response bodies of the protocol endpoints. */
public final class ProtocolDtos {

    static final String KEBAB = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private ProtocolDtos() {
    }

    @Schema(description = "A level or an activation type of the protocol's version")
    public record TermInput(
            @Schema(example = "coordinated-response") @NotBlank @Size(max = 60) @Pattern(regexp = KEBAB, message = "must be lower-case kebab") String code,
            @Schema(example = "Coordinated response") @NotBlank @Size(max = 200) String name,
            @NotNull @Size(max = 2000) String description,
            @Schema(description = "Activating it shares the perpetrator's hashes in the hash-sharing database; "
                    + "when absent a term keeps its value (false for a new one)") Boolean sharesHashes) {
    }

    public record Create(
            @Schema(example = "ccscrp") @NotBlank @Size(max = 60) @Pattern(regexp = KEBAB, message = "must be lower-case kebab") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(max = 5000) String description,
            @NotNull Boolean requiresSecondApproval,
            @Schema(description = "Hierarchical levels, lowest first; give levels or types") @Size(max = 20) List<@NotNull @Valid TermInput> levels,
            @Schema(description = "Non-hierarchical activation types; give levels or types") @Size(max = 20) List<@NotNull @Valid TermInput> types) {
    }

    public record Update(
            @Schema(example = "Christchurch Call Shared Crisis Response Protocol") @NotBlank @Size(max = 200) String name,
            @NotNull @Size(max = 5000) String description,
            @NotNull Boolean requiresSecondApproval,
            @Schema(description = "The current version's levels, when it uses levels") @Size(max = 20) List<@NotNull @Valid TermInput> levels,
            @Schema(description = "The current version's activation types, when it uses types") @Size(max = 20) List<@NotNull @Valid TermInput> types,
            @Schema(description = "The protocol's version for optimistic locking") @NotNull Long version) {
    }

    public record TermView(@Schema(example = "perpetrator-content-incident") String code,
            @Schema(example = "Perpetrator Content Incident") String name, String description, int position,
            boolean retired,
            @Schema(description = "Activating it shares the perpetrator's hashes in the hash-sharing database") boolean sharesHashes) {
    }

    public record VersionSummary(@Schema(example = "2025") String code,
            @Schema(example = "Incident Response Framework (2025)") String name,
            @Schema(enumeration = { "levels", "types" }, example = "types") String vocabulary, Instant effectiveFrom,
            @Schema(description = "The version new activations use") boolean current) {
    }

    @Schema(description = "A version of a protocol and its vocabulary: hierarchical levels or non-hierarchical "
            + "activation types (the other list is empty)")
    public record VersionView(@Schema(example = "gifct-cip") String protocol, @Schema(example = "2025") String code,
            @Schema(example = "Incident Response Framework (2025)") String name,
            @Schema(enumeration = { "levels", "types" }, example = "types") String vocabulary,
            @Schema(description = "From when new activations use it") Instant effectiveFrom,
            @Schema(description = "The version new activations use") boolean current,
            @Schema(description = "Where the vocabulary comes from") String source, List<TermView> levels,
            List<TermView> types) {
    }

    public record ProtocolView(@Schema(example = "ccscrp") String code, String name, String description, boolean requiresSecondApproval,
            @Schema(description = "The version new activations use", example = "2019") String currentVersion,
            @Schema(description = "Its vocabulary", enumeration = { "levels", "types" }, example = "levels") String vocabulary,
            @Schema(description = "The current version's levels (empty when it uses types)") List<TermView> levels,
            @Schema(description = "The current version's activation types (empty when it uses levels)") List<TermView> types,
            @Schema(description = "Every version, oldest first") List<VersionSummary> versions,
            @Schema(description = "For optimistic locking (not a protocol version)") long version, Instant updatedAt) {
    }

    public record ParticipantView(UUID supporterId, @Schema(example = "Aotearoa New Zealand") String supporterName, String supporterType, String country,
            int webhookEndpoints, List<CrisisContact.ContactPoint> contactPoints, Instant fetchedAt) {
    }
}
