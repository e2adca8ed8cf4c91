package org.christchurchcall.supporter.supporters.rest;

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
            @NotBlank @Size(max = 200) String name,
            @NotNull SupporterType type,
            @CountryCode String country,
            @HttpUrl @Size(max = 500) String website) {
    }

    /** The profile fields; the type is fixed at registration because client roles depend on it. */
    public record UpdateSupporter(
            @NotNull Long version,
            @NotBlank @Size(max = 200) String name,
            @CountryCode String country,
            @HttpUrl @Size(max = 500) String website) {
    }

    public record Admit(@NotNull Long version, LocalDate joinedOn) {
    }

    public record StatusChange(@NotNull Long version, @NotBlank @Size(max = 1000) String reason) {
    }

    public record Reinstate(@NotNull Long version, @Size(max = 1000) String reason) {
    }

    public record SupporterView(UUID id, String name, SupporterType type, String country, String website,
            SupporterStatus status, String statusReason, Instant statusChangedAt, Instant appliedAt, LocalDate joinedOn,
            Instant suspendedAt, Instant withdrawnAt, long version) {

        public static SupporterView of(Supporter s) {
            return new SupporterView(s.id, s.name, s.type, s.country, s.website, s.status, s.statusReason,
                    s.statusChangedAt, s.appliedAt, s.joinedOn, s.suspendedAt, s.withdrawnAt, s.version);
        }
    }
}
