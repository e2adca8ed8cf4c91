package org.christchurchcall.protocol.contact.client;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * supporter-service's crisis-contact item, as protocol-service reads it (its own copy of the contract).
 * {@code protocols} are those the secretariat granted the supporter participation in; a webhook's
 * protocols say which of them it is notified for. Fields supporter-service adds later are ignored,
 * unlike in requests to this service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CrisisContactPayload(UUID supporterId, String supporterName, String supporterType, String country,
        List<String> protocols, List<ContactPointPayload> contactPoints, List<WebhookPayload> webhooks) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactPointPayload(UUID id, String name, String role, String email, String phone) {
    }

    /** Holds a signing secret in plain text, so it prints without it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WebhookPayload(UUID id, String url, List<String> protocols, String signingSecret, Boolean active) {
        @Override
        public String toString() {
            return "WebhookPayload[id=" + id + ", url=" + url + ", protocols=" + protocols + ", signingSecret="
                    + (signingSecret == null ? null : "[redacted]") + ", active=" + active + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<CrisisContactPayload> items, String nextCursor, String next) {
    }
}
