package org.christchurchcall.hashmatch.pdq;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * The first two steps of {@link PdqHasher}: the reference tool's 512 resize rule and float32
 * luminance, read straight from the raster a row at a time with one loop per common layout
 * (constant pixel steps, so the JIT hoists the bounds checks). Each reader is a
 * {@link Jarosz.LumaRows} that feeds the blur pipeline.
 *
 * <p>Over 300 lines on purpose: each layout's loop is written out once per constant pixel step
 * (the JIT only hoists bounds checks and unrolls with a constant step); the readers share the
 * resize rule and the product tables.
 */
final class Rasters {

    static final int DOWNSAMPLE_DIMENSION = PdqHasher.DOWNSAMPLE_DIMENSION;

    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;

    private Rasters() {
    }

    /** Output size after the reference tool's resize rule. */
    static int targetWidth(int width, int height) {
        return width > DOWNSAMPLE_DIMENSION || height > DOWNSAMPLE_DIMENSION ? DOWNSAMPLE_DIMENSION : width;
    }

    static int targetHeight(int width, int height) {
        return width > DOWNSAMPLE_DIMENSION || height > DOWNSAMPLE_DIMENSION ? DOWNSAMPLE_DIMENSION : height;
    }

    /** Nearest-neighbour source index for each destination index (identity when equal). */
    static int[] sourceIndex(int src, int dst) {
        int[] idx = new int[dst];
        if (src == dst) {
            for (int i = 0; i < dst; i++) {
                idx[i] = i;
            }
            return idx;
        }
        for (int i = 0; i < dst; i++) {
            idx[i] = (int) ((long) i * src / dst);
        }
        return idx;
    }

    /**
     * The source columns the resize rule keeps: a constant step ({@code src} a multiple of
     * {@code dst}, including no resize) when the row loops have a version for it, else offsets
     * {@code sx[x] * unit}. The loops need the step as a constant: with a variable stride the JIT
     * keeps a bounds check on every sample and does not unroll.
     */
    private static final class Columns {
        final int step;
        final int[] offsets;

        Columns(int src, int dst, int unit, int... steps) {
            int s = src % dst == 0 ? (src / dst) * unit : 0;
            for (int supported : steps) {
                if (s == supported) {
                    step = s;
                    offsets = null;
                    return;
                }
            }
            step = 0;
            offsets = sourceIndex(src, dst);
            for (int i = 0; i < dst; i++) {
                offsets[i] *= unit;
            }
        }
    }

    // ------------------------------------------------------------------ luminance

    /** The three products for every byte value: the same float results, without converting and multiplying. */
    private static final float[] TIMES_R = new float[256];
    private static final float[] TIMES_G = new float[256];
    private static final float[] TIMES_B = new float[256];
    /** Luminance of a grey value v, that is of (v, v, v). */
    private static final float[] GREY = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            TIMES_R[v] = LUMA_R * v;
            TIMES_G[v] = LUMA_G * v;
            TIMES_B[v] = LUMA_B * v;
            GREY[v] = luma(v, v, v);
        }
    }

    /** {@code 0.299 R + 0.587 G + 0.114 B} in float, summed left to right. */
    static float luma(int r, int g, int b) {
        return TIMES_R[r] + TIMES_G[g] + TIMES_B[b];
    }

    /**
     * Luminance rows of the pixels the resize rule keeps. Reads the raster directly for the
     * layouts ImageIO produces (interleaved 8-bit RGB/RGBA/grey, packed int RGB); anything else
     * goes through {@link BufferedImage#getRGB}. Alpha is ignored, as the reference ignores it.
     * Grey images use the grey value for R, G and B (the raster value, not a colour-managed one).
     */
    static Jarosz.LumaRows lumaRows(BufferedImage image, int tw, int th) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] sy = sourceIndex(height, th);
        Raster raster = image.getRaster();
        DataBuffer db = raster.getDataBuffer();
        ColorModel cm = image.getColorModel();
        int tx = raster.getSampleModelTranslateX();
        int ty = raster.getSampleModelTranslateY();
        if (db instanceof DataBufferByte && db.getNumBanks() == 1
                && raster.getSampleModel() instanceof ComponentSampleModel
                && cm instanceof ComponentColorModel && !cm.isAlphaPremultiplied()) {
            ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
            byte[] data = ((DataBufferByte) db).getData();
            int[] bandOffsets = sm.getBandOffsets();
            int ps = sm.getPixelStride();
            int ss = sm.getScanlineStride();
            int base = db.getOffset() - ty * ss - tx * ps;
            ColorSpace cs = cm.getColorSpace();
            if (cm.getNumColorComponents() == 3 && cs.isCS_sRGB() && bandOffsets.length >= 3) {
                return new ByteRows(data, base, ss, sy, new Columns(width, tw, ps, ByteRows.COLOUR_STEPS), tw,
                        bandOffsets[0], bandOffsets[1], bandOffsets[2], false);
            }
            if (cm.getNumColorComponents() == 1 && cs.getType() == ColorSpace.TYPE_GRAY) {
                int go = bandOffsets[0];
                return new ByteRows(data, base, ss, sy, new Columns(width, tw, ps, ByteRows.GREY_STEPS), tw, go, go, go, true);
            }
        }
        int type = image.getType();
        if (db instanceof DataBufferInt && db.getNumBanks() == 1
                && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel) {
            SinglePixelPackedSampleModel sm = (SinglePixelPackedSampleModel) raster.getSampleModel();
            int ss = sm.getScanlineStride();
            int base = db.getOffset() - ty * ss - tx;
            return new IntRows(((DataBufferInt) db).getData(), base, ss, sy, new Columns(width, tw, 1, IntRows.STEPS), tw);
        }
        // palettes, 16-bit samples, premultiplied alpha, other colour spaces: let Java2D convert
        // (getRGB gives straight, not premultiplied, colours)
        return new ArgbRows(image, sy, new Columns(width, tw, 1, IntRows.STEPS), tw);
    }

    static Jarosz.LumaRows rgbRows(byte[] rgb, int width, int height, int tw, int th) {
        return new ByteRows(rgb, 0, width * 3, sourceIndex(height, th), new Columns(width, tw, 3, ByteRows.COLOUR_STEPS), tw, 0, 1, 2, false);
    }

    /** Interleaved 8-bit samples: colour at byte offsets ro, go, bo of each pixel (all equal for grey). */
    private static final class ByteRows implements Jarosz.LumaRows {
        private final byte[] data;
        private final int base;
        private final int scanline;
        private final int[] sy;
        private final int step;
        private final int[] offsets;
        private final int width;
        private final int ro;
        private final int go;
        private final int bo;
        private final boolean grey;

        ByteRows(byte[] data, int base, int scanline, int[] sy, Columns cols, int width,
                int ro, int go, int bo, boolean grey) {
            this.data = data;
            this.base = base;
            this.scanline = scanline;
            this.sy = sy;
            this.step = cols.step;
            this.offsets = cols.offsets;
            this.width = width;
            this.ro = ro;
            this.go = go;
            this.bo = bo;
            this.grey = grey;
        }

        @Override
        public void row(int y, float[] out) {
            int p = base + sy[y] * scanline;
            if (offsets != null) {
                if (grey) {
                    grey(data, p + go, offsets, out, width);
                } else {
                    colour(data, p, offsets, ro, go, bo, out, width);
                }
                return;
            }
            switch (step) {
                case 1 -> grey1(data, p + go, out, width);
                case 2 -> grey2(data, p + go, out, width);
                case 3 -> {
                    if (ro == 2 && go == 1 && bo == 0) {
                        bgr3(data, p, out, width);
                    } else if (ro == 0 && go == 1 && bo == 2) {
                        rgb3(data, p, out, width);
                    } else {
                        colour3(data, p, ro, go, bo, out, width);
                    }
                }
                case 4 -> {
                    if (grey) {
                        grey4(data, p + go, out, width);
                    } else {
                        colour4(data, p, ro, go, bo, out, width);
                    }
                }
                case 6 -> {
                    if (ro == 2 && go == 1 && bo == 0) {
                        bgr6(data, p, out, width);
                    } else {
                        colour6(data, p, ro, go, bo, out, width);
                    }
                }
                case 8 -> colour8(data, p, ro, go, bo, out, width);
                default -> throw new IllegalStateException("step " + step);
            }
        }

        static final int[] COLOUR_STEPS = {3, 4, 6, 8};
        static final int[] GREY_STEPS = {1, 2, 4};

        /** TYPE_3BYTE_BGR, what ImageIO decodes RGB PNG and JPEG to: constant offsets are a little faster. */
        private static void bgr3(byte[] d, int p, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                int q = p + 3 * x;
                out[x] = TIMES_R[d[q + 2] & 0xFF] + TIMES_G[d[q + 1] & 0xFF] + TIMES_B[d[q] & 0xFF];
            }
        }

        private static void rgb3(byte[] d, int p, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                int q = p + 3 * x;
                out[x] = TIMES_R[d[q] & 0xFF] + TIMES_G[d[q + 1] & 0xFF] + TIMES_B[d[q + 2] & 0xFF];
            }
        }

        /** TYPE_3BYTE_BGR at half resolution (a 1024-pixel side resized to 512). */
        private static void bgr6(byte[] d, int p, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                int q = p + 6 * x;
                out[x] = TIMES_R[d[q + 2] & 0xFF] + TIMES_G[d[q + 1] & 0xFF] + TIMES_B[d[q] & 0xFF];
            }
        }

        private static void colour3(byte[] d, int p, int ro, int go, int bo, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                int q = p + 3 * x;
                out[x] = TIMES_R[d[q + ro] & 0xFF] + TIMES_G[d[q + go] & 0xFF] + TIMES_B[d[q + bo] & 0xFF];
            }
        }

        private static void colour4(byte[] d, int p, int ro, int go, int bo, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                int q = p + 4 * x;
                out[x] = TIMES_R[d[q + ro] & 0xFF] + TIMES_G[d[q + go] & 0xFF] + TIMES_B[d[q + bo] & 0xFF];
            }
        }

        private static void colour6(byte[] d, int p, int ro, int go, int bo, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                int q = p + 6 * x;
                out[x] = TIMES_R[d[q + ro] & 0xFF] + TIMES_G[d[q + go] & 0xFF] + TIMES_B[d[q + bo] & 0xFF];
            }
        }

        private static void colour8(byte[] d, int p, int ro, int go, int bo, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                int q = p + 8 * x;
                out[x] = TIMES_R[d[q + ro] & 0xFF] + TIMES_G[d[q + go] & 0xFF] + TIMES_B[d[q + bo] & 0xFF];
            }
        }

        private static void colour(byte[] d, int p, int[] offsets, int ro, int go, int bo, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                int q = p + offsets[x];
                out[x] = TIMES_R[d[q + ro] & 0xFF] + TIMES_G[d[q + go] & 0xFF] + TIMES_B[d[q + bo] & 0xFF];
            }
        }

        private static void grey1(byte[] d, int p, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                out[x] = GREY[d[p + x] & 0xFF];
            }
        }

        private static void grey2(byte[] d, int p, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                out[x] = GREY[d[p + 2 * x] & 0xFF];
            }
        }

        private static void grey4(byte[] d, int p, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                out[x] = GREY[d[p + 4 * x] & 0xFF];
            }
        }

        private static void grey(byte[] d, int p, int[] offsets, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                out[x] = GREY[d[p + offsets[x]] & 0xFF];
            }
        }
    }

    /** Packed int RGB or ARGB (alpha ignored). */
    private static final class IntRows implements Jarosz.LumaRows {
        private final int[] data;
        private final int base;
        private final int scanline;
        private final int[] sy;
        private final int step;
        private final int[] offsets;
        private final int width;

        IntRows(int[] data, int base, int scanline, int[] sy, Columns cols, int width) {
            this.data = data;
            this.base = base;
            this.scanline = scanline;
            this.sy = sy;
            this.step = cols.step;
            this.offsets = cols.offsets;
            this.width = width;
        }

        static final int[] STEPS = {1, 2};

        @Override
        public void row(int y, float[] out) {
            int p = base + sy[y] * scanline;
            if (offsets != null) {
                packed(data, p, offsets, out, width);
            } else if (step == 1) {
                packed1(data, p, out, width);
            } else {
                packed2(data, p, out, width);
            }
        }

        static void packed1(int[] d, int p, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                int v = d[p + x];
                out[x] = TIMES_R[(v >>> 16) & 0xFF] + TIMES_G[(v >>> 8) & 0xFF] + TIMES_B[v & 0xFF];
            }
        }

        static void packed2(int[] d, int p, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                int v = d[p + 2 * x];
                out[x] = TIMES_R[(v >>> 16) & 0xFF] + TIMES_G[(v >>> 8) & 0xFF] + TIMES_B[v & 0xFF];
            }
        }

        static void packed(int[] d, int p, int[] offsets, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                int v = d[p + offsets[x]];
                out[x] = TIMES_R[(v >>> 16) & 0xFF] + TIMES_G[(v >>> 8) & 0xFF] + TIMES_B[v & 0xFF];
            }
        }
    }

    /** Anything else: sRGB values from {@link BufferedImage#getRGB}, one source row at a time. */
    private static final class ArgbRows implements Jarosz.LumaRows {
        private final BufferedImage image;
        private final int[] sy;
        private final Columns cols;
        private final int width;
        private final int[] line;

        ArgbRows(BufferedImage image, int[] sy, Columns cols, int width) {
            this.image = image;
            this.sy = sy;
            this.cols = cols;
            this.width = width;
            this.line = new int[image.getWidth()];
        }

        @Override
        public void row(int y, float[] out) {
            image.getRGB(0, sy[y], line.length, 1, line, 0, line.length);
            if (cols.offsets != null) {
                IntRows.packed(line, 0, cols.offsets, out, width);
            } else if (cols.step == 1) {
                IntRows.packed1(line, 0, out, width);
            } else {
                IntRows.packed2(line, 0, out, width);
            }
        }
    }

    /** Luminance given as floats. */
    static final class FloatRows implements Jarosz.LumaRows {
        private final float[] luma;
        private final int srcWidth;
        private final int[] sy;
        private final int[] sx;
        private final int width;

        FloatRows(float[] luma, int srcWidth, int srcHeight, int width, int height) {
            this.luma = luma;
            this.srcWidth = srcWidth;
            this.sy = sourceIndex(srcHeight, height);
            this.sx = srcWidth == width ? null : sourceIndex(srcWidth, width);
            this.width = width;
        }

        @Override
        public void row(int y, float[] out) {
            int p = sy[y] * srcWidth;
            if (sx == null) {
                System.arraycopy(luma, p, out, 0, width);
            } else {
                for (int x = 0; x < width; x++) {
                    out[x] = luma[p + sx[x]];
                }
            }
        }
    }
}
