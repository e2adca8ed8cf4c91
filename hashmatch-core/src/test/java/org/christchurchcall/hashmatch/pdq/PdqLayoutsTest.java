package org.christchurchcall.hashmatch.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The luminance read straight from each raster layout (with the resize rule's nearest-neighbour
 * sampling), blurred and decimated by the fused pipeline, gives bit for bit the floats of the
 * plain reference transcription ({@link DownsampleTest#plain}) on luminance computed pixel by
 * pixel with the reference's formula.
 */
class PdqLayoutsTest {

    /** The reference's luminance, evaluated directly: {@code 0.299 R + 0.587 G + 0.114 B} in float, left to right. */
    private static float direct(int r, int g, int b) {
        return 0.299f * r + 0.587f * g + 0.114f * b;
    }

    @Test
    void lumaTablesEqualTheDirectFormulaForAllColours() {
        for (int rgb = 0; rgb < 1 << 24; rgb++) {
            int r = rgb >>> 16;
            int g = (rgb >>> 8) & 0xFF;
            int b = rgb & 0xFF;
            float expected = direct(r, g, b);
            float got = Rasters.luma(r, g, b);
            if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(got)) {
                assertEquals(expected, got, "rgb " + Integer.toHexString(rgb));
            }
        }
    }

    private record Layout(String name, BufferedImage image, IntBinaryOperator rgbAt) {}

    private static int[] pixels(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // smooth structure plus noise, random alpha
                int v = (int) (128 + 60 * Math.sin(x * 0.05) * Math.cos(y * 0.03));
                int r = (v + rnd.nextInt(40)) & 0xFF;
                int g = (v * 3 + rnd.nextInt(40)) & 0xFF;
                int b = (255 - v + rnd.nextInt(40)) & 0xFF;
                argb[y * w + x] = rnd.nextInt(256) << 24 | r << 16 | g << 8 | b;
            }
        }
        return argb;
    }

    private static BufferedImage typed(int[] argb, int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }

    /** Interleaved 8-bit sRGB with the given band offsets, pixel stride and padded scanlines. */
    private static BufferedImage interleaved(int[] argb, int w, int h, int stride, int[] offsets) {
        boolean alpha = offsets.length == 4;
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, w * stride + 7, stride, offsets, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = argb[y * w + x];
                r.setSample(x, y, 0, (p >>> 16) & 0xFF);
                r.setSample(x, y, 1, (p >>> 8) & 0xFF);
                r.setSample(x, y, 2, p & 0xFF);
                if (alpha) {
                    r.setSample(x, y, 3, p >>> 24);
                }
            }
        }
        return new BufferedImage(cm, r, false, null);
    }

    /** 8-bit grey (with alpha when {@code alpha}); the sample is the green channel of argb. */
    private static BufferedImage grey(int[] argb, int w, int h, boolean alpha) {
        BufferedImage img;
        if (alpha) {
            ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                    Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
            img = new BufferedImage(cm, Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 2 * w, 2,
                    new int[] {0, 1}, null), false, null);
        } else {
            img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        }
        WritableRaster r = img.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setSample(x, y, 0, (argb[y * w + x] >>> 8) & 0xFF);
                if (alpha) {
                    r.setSample(x, y, 1, argb[y * w + x] >>> 24);
                }
            }
        }
        return img;
    }

    /** Raw grey samples are used as R = G = B (no colour management), as the hasher documents. */
    private static IntBinaryOperator greySamples(BufferedImage img) {
        return (x, y) -> {
            int v = img.getRaster().getSample(x, y, 0);
            return v << 16 | v << 8 | v;
        };
    }

    private static List<Layout> layouts(int w, int h, long seed) {
        int[] argb = pixels(w, h, seed);
        List<Layout> out = new ArrayList<>();
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
                BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_USHORT_565_RGB}) {
            BufferedImage img = typed(argb, w, h, type);
            out.add(new Layout("type " + type, img, img::getRGB));
        }
        BufferedImage rgb = interleaved(argb, w, h, 3, new int[] {0, 1, 2});
        out.add(new Layout("RGB", rgb, rgb::getRGB));
        BufferedImage rgba = interleaved(argb, w, h, 4, new int[] {0, 1, 2, 3});
        out.add(new Layout("RGBA", rgba, rgba::getRGB));
        BufferedImage gbr = interleaved(argb, w, h, 3, new int[] {1, 2, 0});
        out.add(new Layout("band offsets 1,2,0", gbr, gbr::getRGB));
        BufferedImage grey = grey(argb, w, h, false);
        out.add(new Layout("grey", grey, greySamples(grey)));
        BufferedImage greyAlpha = grey(argb, w, h, true);
        out.add(new Layout("grey+alpha", greyAlpha, greySamples(greyAlpha)));
        if (w > 6 && h > 6) {
            // child rasters: sample model translation and scanlines longer than the image
            BufferedImage bgr = typed(argb, w, h, BufferedImage.TYPE_3BYTE_BGR).getSubimage(2, 3, w - 5, h - 4);
            out.add(new Layout("3BYTE_BGR subimage", bgr, bgr::getRGB));
            BufferedImage ints = typed(argb, w, h, BufferedImage.TYPE_INT_RGB).getSubimage(3, 1, w - 4, h - 6);
            out.add(new Layout("INT_RGB subimage", ints, ints::getRGB));
            BufferedImage g = grey(argb, w, h, false).getSubimage(1, 2, w - 3, h - 5);
            out.add(new Layout("grey subimage", g, greySamples(g)));
        }
        return out;
    }

    /** The plain reference: resize by nearest neighbour, luminance pixel by pixel, plain box passes. */
    private static float[] expected(Layout l) {
        int w = l.image.getWidth();
        int h = l.image.getHeight();
        boolean resize = w > 512 || h > 512;
        int tw = resize ? 512 : w;
        int th = resize ? 512 : h;
        float[] luma = new float[tw * th];
        for (int y = 0; y < th; y++) {
            int sy = (int) ((long) y * h / th);
            for (int x = 0; x < tw; x++) {
                int sx = (int) ((long) x * w / tw);
                int p = l.rgbAt.applyAsInt(sx, sy);
                luma[y * tw + x] = direct((p >>> 16) & 0xFF, (p >>> 8) & 0xFF, p & 0xFF);
            }
        }
        return DownsampleTest.plain(luma, tw, th);
    }

    @Test
    void everyLayoutAndSizeMatchesThePlainReference() {
        int[][] sizes = {
            {5, 5}, {7, 13}, {63, 40}, {100, 64}, {300, 200}, {384, 512}, {512, 512},
            {640, 480}, {1024, 768}, {1100, 300}, {1024, 1024}, {1536, 512}, {513, 9},
        };
        for (int[] s : sizes) {
            for (Layout l : layouts(s[0], s[1], 31L * s[0] + s[1])) {
                float[] want = expected(l);
                float[] got = PdqHasher.downsample(l.image);
                String what = l.name + " " + l.image.getWidth() + "x" + l.image.getHeight();
                for (int k = 0; k < want.length; k++) {
                    if (Float.floatToRawIntBits(want[k]) != Float.floatToRawIntBits(got[k])) {
                        assertEquals(want[k], got[k], what + " at " + k);
                    }
                }
            }
        }
    }
}
