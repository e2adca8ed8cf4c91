package org.christchurchcall.supporter.contacts;

import java.net.URI;
import java.net.URISyntaxException;

import org.christchurchcall.platform.outbound.OutboundGuard;
import org.christchurchcall.platform.outbound.RefusedDestinationException;
import org.christchurchcall.platform.problem.ApiException;

/**
 * Crisis notifications carry incident details, so they only travel over TLS to a public
 * server: the platform's {@link OutboundGuard} decides (protocol-service asks it again before
 * every delivery). Plain http and loopback hosts are for a developer's local receiver, only when
 * the flag is on.
 */
public final class WebhookUrlPolicy {

    private final OutboundGuard guard;

    public WebhookUrlPolicy(OutboundGuard guard) {
        this.guard = guard;
    }

    /** The URL when acceptable, or a 400 problem on {@code field} saying why not. */
    public String check(String field, String url) {
        try {
            if (new URI(url).getFragment() != null) {
                throw ApiException.invalidField(field, "must not carry a fragment");
            }
            guard.checkRegistration(url);
            return url;
        } catch (URISyntaxException e) {
            throw ApiException.invalidField(field, "must be an absolute https URL");
        } catch (RefusedDestinationException e) {
            throw ApiException.invalidField(field, e.getMessage());
        }
    }
}
