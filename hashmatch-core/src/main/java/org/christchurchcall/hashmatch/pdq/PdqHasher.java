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
import java.util.Arrays;

/**
 * PDQ perceptual hashing (Meta's published algorithm), giving the same bits as the reference
 * C++ {@code pdq-photo-hasher} on lossless images with structure and the same quality on all.
 *
 * <p>Steps, as the reference tool runs them:
 * <ol>
 *   <li>an image wider or taller than 512 is resized to exactly 512x512 by nearest neighbour,
 *       aspect ratio ignored (source index {@code floor(dst * srcDim / 512)});
 *   <li>luminance in float32, {@code Y = 0.299 R + 0.587 G + 0.114 B}, summed left to right;
 *   <li>two passes of a Jarosz tent filter: a box filter along rows, then along columns, window
 *       {@code (dim + 127) / 128}, half-window {@code (w + 2) / 2}, cut at the edges, with a
 *       running float sum (add the entering value, then subtract the leaving one);
 *   <li>decimation to 64x64 at {@code floor((i + 0.5) * dim / 64)} (a 64x64 image is used as is,
 *       except by the dihedral path, which always filters, as the reference does);
 *   <li>quality: sum of {@code |int((u - v) * 100 / 255)|} over vertical and horizontal
 *       neighbours, divided by 90, capped at 100;
 *   <li>DCT {@code B = D A D^T} restricted to frequencies 1..16, {@code D[i][j] = sqrt(2/64)
 *       cos(pi / 128 (i + 1)(2j + 1))}, each sum accumulated in float32 in index order;
 *   <li>bit {@code 16i + j} is set when {@code B[i][j]} is above the lower median (the 128th
 *       smallest of the 256 coefficients).
 * </ol>
 * Java float arithmetic is IEEE single precision without fused multiply-add, which is what makes
 * the reference's operation order reproducible here.
 *
 * <p>How it is fast: the luminance is read straight from the raster with one loop per common
 * layout (constant pixel steps, so the JIT hoists the bounds checks), a row at a time, and goes
 * through the blur as a pipeline of rows ({@link Jarosz}) that keeps the working set in the
 * cache; only the decimated 64x64 is ever stored whole. About 0.38 ms for a 512x512 RGB image
 * on the development machine (luminance 40 %, the two row filters 40 %), see docs/benchmarks.md.
 *
 * <p>Images under 5 pixels in either dimension (after the resize rule) hash to all zeros with
 * quality 0. Instances are stateless and thread-safe.
 */
public final class PdqHasher {

    public static final int MIN_DIMENSION = 5;
    public static final int DOWNSAMPLE_DIMENSION = 512;

    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;

    /** 16 x 64, row-major: the DCT rows for frequencies 1..16. */
    private static final float[] DCT = dctMatrix();

    private static float[] dctMatrix() {
        float[] d = new float[16 * 64];
        // the reference multiplies a float scale factor by a double cosine, then stores a float
        float scale = (float) Math.sqrt(2.0 / 64.0);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                d[i * 64 + j] = (float) (scale * StrictMath.cos((Math.PI / 2.0 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }

    // ------------------------------------------------------------------ public entry points

    public PdqResult hash(BufferedImage image) {
        int tw = targetWidth(image.getWidth(), image.getHeight());
        int th = targetHeight(image.getWidth(), image.getHeight());
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        return hashRows(lumaRows(image, tw, th), tw, th);
    }

    public PdqDihedral dihedral(BufferedImage image) {
        int tw = targetWidth(image.getWidth(), image.getHeight());
        int th = targetHeight(image.getWidth(), image.getHeight());
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return zeroDihedral();
        }
        return dihedralRows(lumaRows(image, tw, th), tw, th);
    }

    /**
     * Fast path for decoded pixels: {@code rgb} holds {@code width * height} pixels, row-major,
     * three bytes R, G, B each.
     */
    public PdqResult hashRgb(byte[] rgb, int width, int height) {
        checkDimensions(width, height, rgb.length, 3);
        int tw = targetWidth(width, height);
        int th = targetHeight(width, height);
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        return hashRows(rgbRows(rgb, width, height, tw, th), tw, th);
    }

    public PdqDihedral dihedralRgb(byte[] rgb, int width, int height) {
        checkDimensions(width, height, rgb.length, 3);
        int tw = targetWidth(width, height);
        int th = targetHeight(width, height);
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return zeroDihedral();
        }
        return dihedralRows(rgbRows(rgb, width, height, tw, th), tw, th);
    }

    /**
     * Fast path for luminance already computed ({@code width * height} floats, row-major). The
     * 512 resize rule is applied as for images.
     */
    public PdqResult hashLuma(float[] luma, int width, int height) {
        checkDimensions(width, height, luma.length, 1);
        int tw = targetWidth(width, height);
        int th = targetHeight(width, height);
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        return hashRows(new FloatRows(luma, width, height, tw, th), tw, th);
    }

    public PdqDihedral dihedralLuma(float[] luma, int width, int height) {
        checkDimensions(width, height, luma.length, 1);
        int tw = targetWidth(width, height);
        int th = targetHeight(width, height);
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return zeroDihedral();
        }
        return dihedralRows(new FloatRows(luma, width, height, tw, th), tw, th);
    }

    // ------------------------------------------------------------------ the resize rule

    private static void checkDimensions(int width, int height, long length, int perPixel) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive");
        }
        if (length != (long) width * height * perPixel) {
            throw new IllegalArgumentException("array length does not match " + width + "x" + height);
        }
    }

    /** Output size after the reference tool's resize rule. */
    private static int targetWidth(int width, int height) {
        return width > DOWNSAMPLE_DIMENSION || height > DOWNSAMPLE_DIMENSION ? DOWNSAMPLE_DIMENSION : width;
    }

    private static int targetHeight(int width, int height) {
        return width > DOWNSAMPLE_DIMENSION || height > DOWNSAMPLE_DIMENSION ? DOWNSAMPLE_DIMENSION : height;
    }

    /** Nearest-neighbour source index for each destination index (identity when equal). */
    private static int[] sourceIndex(int src, int dst) {
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
    private static Jarosz.LumaRows lumaRows(BufferedImage image, int tw, int th) {
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

    private static Jarosz.LumaRows rgbRows(byte[] rgb, int width, int height, int tw, int th) {
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
    private static final class FloatRows implements Jarosz.LumaRows {
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

    // ------------------------------------------------------------------ the hash

    private static PdqDihedral zeroDihedral() {
        PdqHash z = PdqHash.zero();
        return new PdqDihedral(z, z, z, z, z, z, z, z, 0);
    }

    /** The 64x64 the hash is computed from: the image itself when it is 64x64, else blurred and decimated. */
    private static PdqResult hashRows(Jarosz.LumaRows src, int w, int h) {
        float[][] a64;
        if (w == 64 && h == 64) {
            a64 = new float[64][64];
            for (int y = 0; y < 64; y++) {
                src.row(y, a64[y]);
            }
        } else {
            a64 = Jarosz.blurAndDecimate(src, w, h);
        }
        int quality = quality(a64);
        float[] b = dct(a64);
        return new PdqResult(bits(b), quality);
    }

    /** The reference's dihedral path always blurs, even a 64x64 image. */
    private static PdqDihedral dihedralRows(Jarosz.LumaRows src, int w, int h) {
        float[][] a64 = Jarosz.blurAndDecimate(src, w, h);
        int quality = quality(a64);
        float[] b = dct(a64);
        float[] t = new float[256];
        PdqHash orig = bits(b);
        PdqHash rot90 = bits(transform(b, t, Transform.ROT90));
        PdqHash rot180 = bits(transform(b, t, Transform.ROT180));
        PdqHash rot270 = bits(transform(b, t, Transform.ROT270));
        PdqHash flipX = bits(transform(b, t, Transform.FLIPX));
        PdqHash flipY = bits(transform(b, t, Transform.FLIPY));
        PdqHash flipP = bits(transform(b, t, Transform.FLIPP));
        PdqHash flipM = bits(transform(b, t, Transform.FLIPM));
        return new PdqDihedral(orig, rot90, rot180, rot270, flipX, flipY, flipP, flipM, quality);
    }

    /** Blur and decimate float luminance ({@code w x h}, no resize) to 64x64, row-major. */
    static float[] downsample(float[] luma, int w, int h) {
        return flatten(Jarosz.blurAndDecimate(new FloatRows(luma, w, h, w, h), w, h));
    }

    /** The blurred and decimated 64x64 of an image (resize rule applied), row-major; for tests. */
    static float[] downsample(BufferedImage image) {
        int tw = targetWidth(image.getWidth(), image.getHeight());
        int th = targetHeight(image.getWidth(), image.getHeight());
        return flatten(Jarosz.blurAndDecimate(lumaRows(image, tw, th), tw, th));
    }

    private static float[] flatten(float[][] rows) {
        float[] out = new float[64 * 64];
        for (int i = 0; i < 64; i++) {
            System.arraycopy(rows[i], 0, out, i * 64, 64);
        }
        return out;
    }

    /**
     * Sum of {@code |int((u - v) * 100 / 255)|} over vertical and horizontal neighbours, / 90,
     * capped at 100. The float quotients are computed a row at a time (vectorised), then truncated.
     */
    private static int quality(float[][] a) {
        float hundred = 100;
        float scale = 255;
        float[] q = new float[64];
        int gradientSum = 0;
        for (int i = 0; i < 63; i++) {
            float[] u = a[i];
            float[] v = a[i + 1];
            for (int j = 0; j < 64; j++) {
                q[j] = ((u[j] - v[j]) * hundred) / scale;
            }
            for (int j = 0; j < 64; j++) {
                gradientSum += Math.abs((int) q[j]);
            }
        }
        for (int i = 0; i < 64; i++) {
            float[] r = a[i];
            for (int j = 0; j < 63; j++) {
                q[j] = ((r[j] - r[j + 1]) * hundred) / scale;
            }
            for (int j = 0; j < 63; j++) {
                gradientSum += Math.abs((int) q[j]);
            }
        }
        return Math.min(100, gradientSum / 90);
    }

    /** {@link #DCT} transposed: 64 rows of 16, DCT_T[k][j] = D[j][k]. */
    private static final float[][] DCT_T = new float[64][16];

    static {
        for (int k = 0; k < 64; k++) {
            for (int j = 0; j < 16; j++) {
                DCT_T[k][j] = DCT[j * 64 + k];
            }
        }
    }

    /** B = D A D^T for the 16x16 low frequencies (DC excluded), every sum accumulated in index order. */
    private static float[] dct(float[][] a) {
        // T = D A, four rows at a time: one running sum per column j, over k
        float[][] t = new float[16][64];
        for (int i = 0; i < 16; i += 4) {
            float[] t0 = t[i];
            float[] t1 = t[i + 1];
            float[] t2 = t[i + 2];
            float[] t3 = t[i + 3];
            for (int k = 0; k < 64; k++) {
                float d0 = DCT[i * 64 + k];
                float d1 = DCT[(i + 1) * 64 + k];
                float d2 = DCT[(i + 2) * 64 + k];
                float d3 = DCT[(i + 3) * 64 + k];
                float[] ak = a[k];
                for (int j = 0; j < 64; j++) {
                    float v = ak[j];
                    t0[j] += d0 * v;
                    t1[j] += d1 * v;
                    t2[j] += d2 * v;
                    t3[j] += d3 * v;
                }
            }
        }
        // B = T D^T: B[i][j] = sum over k of T[i][k] D[j][k], sixteen sums side by side
        float[] b = new float[256];
        float[] acc = new float[16];
        for (int i = 0; i < 16; i++) {
            float[] ti = t[i];
            Arrays.fill(acc, 0.0f);
            for (int k = 0; k < 64; k++) {
                float tik = ti[k];
                float[] dk = DCT_T[k];
                for (int j = 0; j < 16; j++) {
                    acc[j] += tik * dk[j];
                }
            }
            System.arraycopy(acc, 0, b, i * 16, 16);
        }
        return b;
    }

    /** Bit 16i + j set when B[i][j] exceeds the lower median. */
    private static PdqHash bits(float[] b) {
        float[] sorted = b.clone();
        Arrays.sort(sorted);
        float median = sorted[127];
        long[] w = new long[4];
        for (int k = 0; k < 256; k++) {
            if (b[k] > median) {
                w[3 - (k >>> 6)] |= 1L << (k & 63);
            }
        }
        return PdqHash.of(w);
    }

    private enum Transform { ROT90, ROT180, ROT270, FLIPX, FLIPY, FLIPP, FLIPM }

    /**
     * The DCT of a rotated or mirrored image, from the DCT of the image: mirroring negates the
     * odd basis functions along that axis (frequency index i + 1 odd, so i even), a transpose
     * swaps the axes; rotations compose the two.
     */
    private static float[] transform(float[] a, float[] b, Transform tr) {
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float v = a[i * 16 + j];
                switch (tr) {
                    case ROT90 -> b[j * 16 + i] = (j & 1) != 0 ? v : -v;
                    case ROT180 -> b[i * 16 + j] = ((i + j) & 1) != 0 ? -v : v;
                    case ROT270 -> b[j * 16 + i] = (i & 1) != 0 ? v : -v;
                    case FLIPX -> b[i * 16 + j] = (i & 1) != 0 ? v : -v;
                    case FLIPY -> b[i * 16 + j] = (j & 1) != 0 ? v : -v;
                    case FLIPP -> b[j * 16 + i] = v;
                    case FLIPM -> b[j * 16 + i] = ((i + j) & 1) != 0 ? -v : v;
                    default -> throw new IllegalStateException();
                }
            }
        }
        return b;
    }
}
