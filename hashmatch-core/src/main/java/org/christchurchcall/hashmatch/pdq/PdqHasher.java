package org.christchurchcall.hashmatch.pdq;

import java.awt.image.BufferedImage;
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
 * <p>How it is fast: the luminance is read straight from the raster ({@link Rasters}) with one loop per common
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
        int tw = Rasters.targetWidth(image.getWidth(), image.getHeight());
        int th = Rasters.targetHeight(image.getWidth(), image.getHeight());
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        return hashRows(Rasters.lumaRows(image, tw, th), tw, th);
    }

    public PdqDihedral dihedral(BufferedImage image) {
        int tw = Rasters.targetWidth(image.getWidth(), image.getHeight());
        int th = Rasters.targetHeight(image.getWidth(), image.getHeight());
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return zeroDihedral();
        }
        return dihedralRows(Rasters.lumaRows(image, tw, th), tw, th);
    }

    /**
     * Fast path for decoded pixels: {@code rgb} holds {@code width * height} pixels, row-major,
     * three bytes R, G, B each.
     */
    public PdqResult hashRgb(byte[] rgb, int width, int height) {
        checkDimensions(width, height, rgb.length, 3);
        int tw = Rasters.targetWidth(width, height);
        int th = Rasters.targetHeight(width, height);
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        return hashRows(Rasters.rgbRows(rgb, width, height, tw, th), tw, th);
    }

    public PdqDihedral dihedralRgb(byte[] rgb, int width, int height) {
        checkDimensions(width, height, rgb.length, 3);
        int tw = Rasters.targetWidth(width, height);
        int th = Rasters.targetHeight(width, height);
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return zeroDihedral();
        }
        return dihedralRows(Rasters.rgbRows(rgb, width, height, tw, th), tw, th);
    }

    /**
     * Fast path for luminance already computed ({@code width * height} floats, row-major). The
     * 512 resize rule is applied as for images.
     */
    public PdqResult hashLuma(float[] luma, int width, int height) {
        checkDimensions(width, height, luma.length, 1);
        int tw = Rasters.targetWidth(width, height);
        int th = Rasters.targetHeight(width, height);
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        return hashRows(new Rasters.FloatRows(luma, width, height, tw, th), tw, th);
    }

    public PdqDihedral dihedralLuma(float[] luma, int width, int height) {
        checkDimensions(width, height, luma.length, 1);
        int tw = Rasters.targetWidth(width, height);
        int th = Rasters.targetHeight(width, height);
        if (tw < MIN_DIMENSION || th < MIN_DIMENSION) {
            return zeroDihedral();
        }
        return dihedralRows(new Rasters.FloatRows(luma, width, height, tw, th), tw, th);
    }

    /**
     * A video frame as Meta's vPDQ hasher hashes it: the whole frame, with no 512x512 resize
     * first ({@code pdqHash256FromFloatLuma} on the full frame; a 64x64 frame skips the blur).
     * {@code yuv} is a tightly packed 8-bit yuv420p frame, converted as {@link SwscaleYuv420} does.
     *
     * @throws IllegalArgumentException for a frame under 5 pixels in either dimension (the
     *     reference refuses those too) or odd dimensions
     */
    public PdqResult hashFullFrameYuv420(byte[] yuv, int width, int height) {
        checkFullFrame(width, height);
        return hashRows(SwscaleYuv420.lumaRows(yuv, width, height), width, height);
    }

    /** As {@link #hashFullFrameYuv420}, from RGB24 pixels ({@code width * height * 3} bytes). */
    public PdqResult hashFullFrameRgb(byte[] rgb, int width, int height) {
        checkDimensions(width, height, rgb.length, 3);
        checkFullFrame(width, height);
        return hashRows(Rasters.rgbRows(rgb, width, height, width, height), width, height);
    }

    private static void checkFullFrame(int width, int height) {
        if (width < MIN_DIMENSION || height < MIN_DIMENSION) {
            throw new IllegalArgumentException("a frame must be at least " + MIN_DIMENSION + "x" + MIN_DIMENSION
                    + " pixels, not " + width + "x" + height);
        }
    }

    // ------------------------------------------------------------------ input checks

    private static void checkDimensions(int width, int height, long length, int perPixel) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive");
        }
        if (length != (long) width * height * perPixel) {
            throw new IllegalArgumentException("array length does not match " + width + "x" + height);
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
        return flatten(Jarosz.blurAndDecimate(new Rasters.FloatRows(luma, w, h, w, h), w, h));
    }

    /** The blurred and decimated 64x64 of an image (resize rule applied), row-major; for tests. */
    static float[] downsample(BufferedImage image) {
        int tw = Rasters.targetWidth(image.getWidth(), image.getHeight());
        int th = Rasters.targetHeight(image.getWidth(), image.getHeight());
        return flatten(Jarosz.blurAndDecimate(Rasters.lumaRows(image, tw, th), tw, th));
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
