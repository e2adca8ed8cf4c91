package org.christchurchcall.hashmatch.compute;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Images made for tests: structured pictures with plenty of PDQ quality, and a decompression bomb. */
final class Images {

    private Images() {
    }

    static BufferedImage shapes(long seed, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random r = new Random(seed);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            int w = 10 + r.nextInt(width / 3);
            int h = 10 + r.nextInt(height / 3);
            if (r.nextBoolean()) {
                g.fillRect(r.nextInt(width), r.nextInt(height), w, h);
            } else {
                g.fillOval(r.nextInt(width), r.nextInt(height), w, h);
            }
        }
        g.dispose();
        return img;
    }

    /** The image turned a quarter counter-clockwise. */
    static BufferedImage rotate90(BufferedImage src) {
        AffineTransform t = new AffineTransform();
        t.translate(0, src.getWidth());
        t.rotate(-Math.PI / 2);
        BufferedImage out = new BufferedImage(src.getHeight(), src.getWidth(), BufferedImage.TYPE_INT_RGB);
        new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(src, out);
        return out;
    }

    static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid PNG header declaring width x height pixels, with a token amount of data: a bomb. */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * The PNG made exactly {@code size} bytes long by a private ancillary chunk before IEND: still
     * a valid PNG of the same picture, which decoders skip over.
     */
    static byte[] pngOfSize(byte[] png, int size) {
        int iend = png.length - 12;
        int padding = size - png.length - 12;
        if (padding < 0) {
            throw new IllegalArgumentException("the PNG alone is " + png.length + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write(png, 0, iend);
        chunk(out, "ccAl", new byte[padding]);
        out.write(png, iend, 12);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
