package org.christchurchcall.supporter.values;

import java.net.URI;
import java.net.URISyntaxException;

public final class Urls {

    private Urls() {
    }

    /** The parsed URL, or null when it is not an absolute http(s) URL with a host and no user info. */
    public static URI parse(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
