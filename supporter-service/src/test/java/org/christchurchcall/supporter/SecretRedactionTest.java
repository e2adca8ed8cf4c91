package org.christchurchcall.supporter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.christchurchcall.supporter.clients.ApiClient;
import org.christchurchcall.supporter.clients.rest.ClientDtos;
import org.christchurchcall.supporter.clients.service.ApiClientService;
import org.christchurchcall.supporter.contacts.rest.ContactDtos;
import org.christchurchcall.supporter.token.rest.TokenResource;
import org.christchurchcall.supporter.token.service.TokenService;
import org.junit.jupiter.api.Test;

/** Records that carry a secret or a token print without it, should one ever reach a log line. */
class SecretRedactionTest {

    static final String SECRET = "whsec_c2VjcmV0LXRoYXQtbXVzdC1ub3QtcHJpbnQtYW55d2hlcmU=";

    @Test
    void recordsHoldingSecretsPrintThemRedacted() {
        ApiClient client = new ApiClient();
        client.id = UUID.randomUUID();
        client.clientId = "demo-company";
        client.name = "Demo";
        client.roles = new String[] { "company" };
        UUID id = UUID.randomUUID();
        List<Object> holders = List.of(
                new ContactDtos.WebhookView(id, UUID.randomUUID(), "https://hooks.example/a", List.of("ccscrp"),
                        true, Instant.now(), 0, SECRET),
                new ContactDtos.DirectoryWebhook(id, "https://hooks.example/a", List.of("ccscrp"), SECRET, true),
                ClientDtos.ClientView.of(client, SECRET),
                new ApiClientService.Created(client, SECRET),
                new TokenService.IssuedToken(SECRET, 900, Set.of("company")),
                new TokenResource.TokenResponse(SECRET, "Bearer", 900, "company"));
        for (Object h : holders) {
            String printed = h.toString();
            assertFalse(printed.contains(SECRET.substring(8)), printed);
            assertTrue(printed.contains("[redacted]"), printed);
        }
        // what is not secret still prints, for debugging
        assertTrue(holders.get(0).toString().contains("https://hooks.example/a"));
        assertTrue(holders.get(2).toString().contains("demo-company"));
        // and a view without a secret says so rather than claiming one
        assertTrue(new ContactDtos.DirectoryWebhook(id, "https://hooks.example/a", List.of(), null, true).toString()
                .contains("signingSecret=null"));
    }
}
