package org.christchurchcall.supporter.supporters.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.christchurchcall.supporter.values.CountryCode;
import org.christchurchcall.supporter.values.HttpUrl;
import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.SupporterStatus;
import org.christchurchcall.supporter.supporters.SupporterType;

/** Request and response bodies of /api/v1/supporters. */
public final class SupporterDtos {

    private SupporterDtos() {
    }

    public record CreateSupporter(
            @Schema(example = "Aotearoa New Zealand") @NotBlank @Size(max = 200) String name,
            @NotNull SupporterType type,
            @CountryCode String country,
            @HttpUrl @Size(max = 500) String website) {
    }

    /** The profile fields; the type is fixed at registration because client roles depend on it. */
    public record UpdateSupporter(
            @Schema(example = "1") @NotNull Long version,
            @NotBlank @Size(max = 200) String name,
            @CountryCode String country,
            @HttpUrl @Size(max = 500) String website) {
    }

    public record Admit(@Schema(example = "1") @NotNull Long version, LocalDate joinedOn) {
    }

    public record StatusChange(@Schema(example = "1") @NotNull Long version, @NotBlank @Size(max = 1000) String reason) {
    }

    public record Reinstate(@Schema(example = "1") @NotNull Long version, @Size(max = 1000) String reason) {
    }

    public record SupporterView(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID id, String name, SupporterType type, String country, String website,
            SupporterStatus status, String statusReason, Instant statusChangedAt, Instant appliedAt, LocalDate joinedOn,
            Instant suspendedAt, Instant withdrawnAt, long version) {

        public static SupporterView of(Supporter s) {
            return new SupporterView(s.id, s.name, s.type, s.country, s.website, s.status, s.statusReason,
                    s.statusChangedAt, s.appliedAt, s.joinedOn, s.suspendedAt, s.withdrawnAt, s.version);
        }
    }
}
