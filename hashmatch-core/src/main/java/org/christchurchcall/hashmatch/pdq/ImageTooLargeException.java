package org.christchurchcall.hashmatch.pdq;

import java.io.IOException;

/** The image declares more pixels than allowed; it was refused before any pixel was decoded. */
public final class ImageTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int width;
    private final int height;
    private final long maxPixels;

    public ImageTooLargeException(int width, int height, long maxPixels) {
        super("image declares " + width + "x" + height + " = " + ((long) width * height)
                + " pixels, more than the limit of " + maxPixels);
        this.width = width;
        this.height = height;
        this.maxPixels = maxPixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public long maxPixels() {
        return maxPixels;
    }
}
