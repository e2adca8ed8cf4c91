package org.christchurchcall.hashmatch.pdq;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files with ImageIO and whatever plugins are on the class path (TwelveMonkeys
 * adds WebP and the JPEG variants the JDK refuses: CMYK/YCCK, progressive edge cases, broken
 * markers).
 *
 * <p>Decompression-bomb guard: the reader's declared width and height are read from the header
 * first, and an image over {@code maxPixels} is refused with {@link ImageTooLargeException}
 * before a single pixel is decoded (a few kilobytes of PNG or WebP can declare gigapixels).
 * Only the first image of a multi-image file is read. Thread-safe.
 */
public final class ImageDecoding {

    /** 64 megapixels: above any real photo, far below what would exhaust the heap (256 MB as int RGB). */
    public static final long DEFAULT_MAX_PIXELS = 64L * 1024 * 1024;

    static {
        // no disk cache for streams: everything read here is already in memory or a local file
        ImageIO.setUseCache(false);
        // plugins packaged with the application may sit in a class loader ImageIO did not scan
        ImageIO.scanForPlugins();
    }

    private final long maxPixels;

    public ImageDecoding() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageDecoding(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    public BufferedImage read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public BufferedImage read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes));
    }

    /** Reads from the stream (not closed here). */
    public BufferedImage read(InputStream in) throws IOException {
        ImageInputStream iis = ImageIO.createImageInputStream(in);
        if (iis == null) {
            throw new UnreadableImageException("cannot open an image stream");
        }
        try (iis) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new UnreadableImageException("not an image in a supported format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw new UnreadableImageException("unreadable image header: " + e.getMessage(), e);
                }
                if (width <= 0 || height <= 0) {
                    throw new UnreadableImageException("image declares no pixels");
                }
                if ((long) width * height > maxPixels) {
                    throw new ImageTooLargeException(width, height, maxPixels);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new UnreadableImageException("decoder returned no image");
                }
                return image;
            } catch (ImageTooLargeException | UnreadableImageException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // decoders signal corrupt data with all sorts of runtime exceptions
                throw new UnreadableImageException("corrupt or unsupported image: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }
}
