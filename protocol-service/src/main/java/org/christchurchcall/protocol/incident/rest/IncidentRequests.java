package org.christchurchcall.protocol.incident.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the incident endpoints. */
public final class IncidentRequests {

    static final String KEBAB = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String CONTENT_TYPES = "^(video|livestream|image|audio|text|document|url)$";

    private IncidentRequests() {
    }

    public record Report(
            @Schema(example = "Livestreamed attack at a place of worship") @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 10000) String description,
            @Schema(example = "2026-03-15T01:40:00Z") @NotNull Instant occurredAt,
            @NotBlank @Size(max = 200) String location,
            @Size(max = 500) List<@NotBlank @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$",
                    message = "must be an http or https URL") String> contentUrls,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> platforms,
            @Size(max = 10) List<@NotNull @Pattern(regexp = CONTENT_TYPES,
                    message = "must be one of video, livestream, image, audio, text, document, url") String> contentTypes,
            @Size(max = 10) List<@NotNull @Pattern(regexp = KEBAB, message = "must be a protocol code") String> protocols,
            Boolean exercise) {
    }

    public record Transition(
            @Schema(enumeration = { "reported", "assessing", "active", "concluding", "concluded", "debriefed" }, example = "assessing")
            @NotNull @Pattern(regexp = "^(reported|assessing|active|concluding|concluded|debriefed)$",
                    message = "must be one of reported, assessing, active, concluding, concluded, debriefed") String to,
            @Schema(example = "3") @NotNull Long version,
            @Size(max = 10000) String rationale,
            @Size(max = 100000) String review) {
    }

    public record Criteria(
            @Schema(example = "true") @NotNull Boolean ongoingEvent,
            @NotNull Boolean perpetratorProducedContent,
            @NotNull Boolean murderOrAttemptedMurder,
            @NotNull Boolean onOrSpreadingToMemberPlatforms) {
    }

    @Schema(description = "Give level when the protocol's current version uses levels, type when it uses "
            + "activation types (GET /api/v1/protocols/{code} says which, and lists them)")
    public record Activate(
            @Schema(example = "ccscrp") @NotBlank @Pattern(regexp = KEBAB, message = "must be a protocol code") String protocol,
            @Schema(description = "A level of the current version, when it uses levels", example = "coordinated-response")
            @Size(max = 60) @Pattern(regexp = KEBAB, message = "must be a level code") String level,
            @Schema(description = "An activation type of the current version, when it uses types",
                    example = "perpetrator-content-incident")
            @Size(max = 60) @Pattern(regexp = KEBAB, message = "must be an activation type code") String type,
            @NotNull @Valid Criteria criteria,
            @NotBlank @Size(max = 10000) String decision) {
    }

    public record Approve(@Schema(example = "Confirmed with our trust and safety team") @Size(max = 10000) String note) {
    }

    @Schema(description = "Give level when the activation's version uses levels, type when it uses activation "
            + "types; an activation stays in the version it was made under")
    public record ChangeLevel(
            @Schema(description = "The new level, under a version with levels", example = "full-activation")
            @Size(max = 60) @Pattern(regexp = KEBAB, message = "must be a level code") String level,
            @Schema(description = "The new activation type, under a version with types",
                    example = "perpetrator-content-incident")
            @Size(max = 60) @Pattern(regexp = KEBAB, message = "must be an activation type code") String type,
            @Schema(example = "Content is spreading to further platforms") @NotBlank @Size(max = 10000) String reason,
            @NotNull Long version) {
    }

    public record SituationalUpdate(
            @Schema(example = "Copies found on 4 further platforms") @NotBlank @Size(max = 10000) String summary,
            @Size(max = 20) Map<@Pattern(regexp = "^[a-z][A-Za-z0-9]{0,49}$", message = "must be a camelCase name")
                    String, @NotNull @PositiveOrZero Long> counts) {
    }

    public record Acknowledge(@Schema(description = "The webhook event acknowledged (its eventId)", example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID eventId,
            @Schema(example = "Received; our crisis team is on it") @Size(max = 2000) String note) {
    }
}
