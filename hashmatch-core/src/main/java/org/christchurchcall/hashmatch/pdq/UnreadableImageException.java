package org.christchurchcall.hashmatch.pdq;

import java.io.IOException;

/** Not an image in a supported format, or a corrupt one. */
public final class UnreadableImageException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnreadableImageException(String message) {
        super(message);
    }

    public UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
