package org.christchurchcall.supporter.clients.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.christchurchcall.supporter.clients.ApiClient;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Request and response bodies of /api/v1/clients. */
public final class ClientDtos {

    private ClientDtos() {
    }

    /** supporterId defaults to the caller's own supporter; roles beyond its type's are refused. */
    public record CreateClient(
            @Schema(example = "Aotearoa New Zealand") @NotBlank @Size(max = 200) String name,
            UUID supporterId,
            @NotNull @Size(max = 10) Set<@NotBlank @Size(max = 64) String> roles) {
    }

    public record Revoke(@Schema(example = "No longer needed") @Size(max = 1000) String reason) {
    }

    /** {@code clientSecret} is present only in the answer that creates the client. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClientView(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID id, String clientId, String name, UUID supporterId, List<String> roles,
            Instant createdAt, Instant revokedAt, String revokedReason, String clientSecret) {
        public static ClientView of(ApiClient c, String secret) {
            return new ClientView(c.id, c.clientId, c.name, c.supporterId, List.of(c.roles), c.createdAt, c.revokedAt,
                    c.revokedReason, secret);
        }

        @Override
        public String toString() {
            return "ClientView[id=" + id + ", clientId=" + clientId + ", name=" + name + ", supporterId=" + supporterId
                    + ", roles=" + roles + ", createdAt=" + createdAt + ", revokedAt=" + revokedAt + ", revokedReason="
                    + revokedReason + ", clientSecret=" + (clientSecret == null ? null : "[redacted]") + "]";
        }
    }
}
