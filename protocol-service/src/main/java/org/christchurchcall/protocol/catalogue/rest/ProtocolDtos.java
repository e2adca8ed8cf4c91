package org.christchurchcall.protocol.catalogue.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.christchurchcall.protocol.contact.CrisisContact;

/** Request and response bodies of the protocol endpoints. */
public final class ProtocolDtos {

    static final String KEBAB = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private ProtocolDtos() {
    }

    public record LevelInput(
            @NotBlank @Size(max = 60) @Pattern(regexp = KEBAB, message = "must be lower-case kebab") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(max = 2000) String description) {
    }

    public record Create(
            @Schema(example = "ccscrp") @NotBlank @Size(max = 60) @Pattern(regexp = KEBAB, message = "must be lower-case kebab") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(max = 5000) String description,
            @NotNull Boolean requiresSecondApproval,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid LevelInput> levels) {
    }

    public record Update(
            @Schema(example = "Christchurch Call Shared Crisis Response Protocol") @NotBlank @Size(max = 200) String name,
            @NotNull @Size(max = 5000) String description,
            @NotNull Boolean requiresSecondApproval,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid LevelInput> levels,
            @NotNull Long version) {
    }

    public record LevelView(String code, String name, String description, int position, boolean retired) {
    }

    public record ProtocolView(@Schema(example = "ccscrp") String code, String name, String description, boolean requiresSecondApproval,
            List<LevelView> levels, long version, Instant updatedAt) {
    }

    public record ParticipantView(UUID supporterId, @Schema(example = "Aotearoa New Zealand") String supporterName, String supporterType, String country,
            int webhookEndpoints, List<CrisisContact.ContactPoint> contactPoints, Instant fetchedAt) {
    }
}
