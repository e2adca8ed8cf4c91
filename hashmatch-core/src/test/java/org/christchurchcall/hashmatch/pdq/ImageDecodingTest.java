package org.christchurchcall.hashmatch.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class ImageDecodingTest {

    /** A PNG that is nothing but a header declaring width x height, and an empty image data chunk. */
    private static byte[] pngHeaderOnly(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws Exception {
        out.writeInt(data.length);
        byte[] t = type.getBytes("US-ASCII");
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    void refusesADecompressionBombFromItsHeaderBeforeDecoding() throws Exception {
        byte[] bomb = pngHeaderOnly(100_000, 100_000);
        assertTrue(bomb.length < 100);
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> new ImageDecoding().read(bomb));
        assertEquals(100_000, e.width());
        assertEquals(100_000, e.height());
        assertEquals(ImageDecoding.DEFAULT_MAX_PIXELS, e.maxPixels());
        // the limit is configurable; at the limit exactly the image is accepted
        byte[] real = Files.readAllBytes(ReferenceImages.images().resolve("small_64x48.png"));
        assertThrows(ImageTooLargeException.class, () -> new ImageDecoding(64 * 48 - 1).read(real));
        assertEquals(64, new ImageDecoding(64 * 48).read(real).getWidth());
    }

    @Test
    void garbageAndTruncatedFilesAreUnreadable() throws Exception {
        ImageDecoding d = new ImageDecoding();
        assertThrows(UnreadableImageException.class, () -> d.read("not an image at all".getBytes()));
        assertThrows(UnreadableImageException.class, () -> d.read(new byte[0]));
        byte[] png = Files.readAllBytes(ReferenceImages.images().resolve("var_base_512x384.png"));
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 3);
        assertThrows(UnreadableImageException.class, () -> d.read(truncated));
    }

    @Test
    void webpAndTwelveMonkeysJpegReadersAreRegistered() {
        assertTrue(ImageIO.getImageReadersByFormatName("webp").hasNext(), "WebP reader on the class path");
        boolean twelveMonkeys = false;
        var readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            twelveMonkeys |= readers.next().getClass().getName().startsWith("com.twelvemonkeys");
        }
        assertTrue(twelveMonkeys, "TwelveMonkeys JPEG reader (CMYK, progressive) on the class path");
    }

    /** A progressive JPEG of a reference image decodes and hashes close to the lossless original. */
    @Test
    void progressiveJpegHashesCloseToTheLosslessOriginal() throws Exception {
        BufferedImage png = new ImageDecoding().read(ReferenceImages.images().resolve("var_base_512x384.png"));
        BufferedImage rgb = new BufferedImage(png.getWidth(), png.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(png, 0, 0, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        PdqHasher hasher = new PdqHasher();
        PdqResult fromJpeg = hasher.hash(new ImageDecoding().read(bytes.toByteArray()));
        PdqResult fromPng = hasher.hash(png);
        assertTrue(fromJpeg.hash().distance(fromPng.hash()) <= 16,
                "JPEG is " + fromJpeg.hash().distance(fromPng.hash()) + " bits away");
        assertTrue(fromJpeg.quality() >= 90);
    }
}
