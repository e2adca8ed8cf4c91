package org.christchurchcall.supporter.contacts;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.supporter.common.Urls;

/**
 * Crisis notifications carry incident details, so they only travel over TLS. Plain http is for
 * a developer's local receiver: loopback hosts only, and only when the flag is on.
 */
public final class WebhookUrlPolicy {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("^127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}$");

    private final boolean allowLoopbackHttp;

    public WebhookUrlPolicy(boolean allowLoopbackHttp) {
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    /** The URL when acceptable, or a 400 problem on {@code field} saying why not. */
    public String check(String field, String url) {
        URI uri = Urls.parse(url);
        if (uri == null) {
            throw ApiException.invalidField(field, "must be an absolute https URL without user info");
        }
        if (uri.getFragment() != null) {
            throw ApiException.invalidField(field, "must not carry a fragment");
        }
        if (uri.getScheme().equals("https")) {
            return url;
        }
        if (!isLoopback(uri.getHost())) {
            throw ApiException.invalidField(field, "must use https (http is accepted only for loopback hosts in development)");
        }
        if (!allowLoopbackHttp) {
            throw ApiException.invalidField(field, "must use https; http to loopback hosts is disabled here");
        }
        return url;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || IPV4_LOOPBACK.matcher(h).matches();
    }
}
