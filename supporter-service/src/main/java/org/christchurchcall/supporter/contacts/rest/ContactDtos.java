package org.christchurchcall.supporter.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.christchurchcall.supporter.contacts.ContactPoint;
import org.christchurchcall.supporter.supporters.SupporterType;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Request and response bodies of contact points, webhook endpoints and the crisis-contact directory. */
public final class ContactDtos {

    private static final String PHONE = "^\\+?[0-9][0-9 ()./-]{3,38}$";
    private static final String PHONE_MESSAGE = "must be a phone number such as +64 4 123 4567";
    /** protocol-service's form of a protocol code; whether the supporter takes part in it is checked later. */
    private static final String PROTOCOL = "^[a-z0-9]+(-[a-z0-9]+)*$";
    private static final String PROTOCOL_MESSAGE = "must be protocol codes such as ccscrp (lower-case kebab)";

    private ContactDtos() {
    }

    public record ContactPointInput(
            @Schema(example = "Aotearoa New Zealand") @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String role,
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
    }

    public record ContactPointUpdate(
            @Schema(example = "1") @NotNull Long version,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String role,
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
    }

    public record ContactPointView(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID id, UUID supporterId, String name, String role, String email, String phone,
            Instant createdAt, long version) {
        public static ContactPointView of(ContactPoint c) {
            return new ContactPointView(c.id, c.supporterId, c.name, c.role, c.email, c.phone, c.createdAt, c.version);
        }
    }

    public record WebhookInput(
            @Schema(example = "https://hooks.example.org/ccall") @NotBlank @Size(max = 2000) String url,
            @NotEmpty @Size(max = 20) Set<@NotNull @Size(max = 60) @Pattern(regexp = PROTOCOL,
                    message = PROTOCOL_MESSAGE) String> protocols,
            Boolean active) {
    }

    public record WebhookUpdate(
            @Schema(example = "1") @NotNull Long version,
            @NotBlank @Size(max = 2000) String url,
            @NotEmpty @Size(max = 20) Set<@NotNull @Size(max = 60) @Pattern(regexp = PROTOCOL,
                    message = PROTOCOL_MESSAGE) String> protocols,
            @NotNull Boolean active) {
    }

    /** {@code signingSecret} is present only in the answer that creates or rotates it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookView(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID id, UUID supporterId, String url, List<String> protocols, boolean active,
            Instant createdAt, long version, String signingSecret) {
        @Override
        public String toString() {
            return "WebhookView[id=" + id + ", supporterId=" + supporterId + ", url=" + url + ", protocols=" + protocols
                    + ", active=" + active + ", createdAt=" + createdAt + ", version=" + version + ", signingSecret="
                    + (signingSecret == null ? null : "[redacted]") + "]";
        }
    }

    /**
     * One active supporter's contacts, as protocol-service reads them. {@code protocols} are those the
     * secretariat granted it participation in; each webhook lists only those of them it is notified for.
     */
    public record CrisisContacts(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID supporterId, String supporterName, SupporterType supporterType, String country,
            List<String> protocols, List<DirectoryContactPoint> contactPoints, List<DirectoryWebhook> webhooks) {
    }

    public record DirectoryContactPoint(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID id, String name, String role, String email, String phone) {
    }

    /** {@code signingSecret} only for the service role, which signs deliveries with it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DirectoryWebhook(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID id, String url, List<String> protocols, String signingSecret,
            boolean active) {
        @Override
        public String toString() {
            return "DirectoryWebhook[id=" + id + ", url=" + url + ", protocols=" + protocols + ", signingSecret="
                    + (signingSecret == null ? null : "[redacted]") + ", active=" + active + "]";
        }
    }
}
