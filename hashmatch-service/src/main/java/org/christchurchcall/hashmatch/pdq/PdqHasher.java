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
        Luma l = luma(image);
        return hashLumaExact(l.values, l.width, l.height);
    }

    public PdqDihedral dihedral(BufferedImage image) {
        Luma l = luma(image);
        return dihedralLumaExact(l.values, l.width, l.height);
    }

    /**
     * Fast path for decoded pixels: {@code rgb} holds {@code width * height} pixels, row-major,
     * three bytes R, G, B each.
     */
    public PdqResult hashRgb(byte[] rgb, int width, int height) {
        Luma l = lumaFromRgb(rgb, width, height);
        return hashLumaExact(l.values, l.width, l.height);
    }

    public PdqDihedral dihedralRgb(byte[] rgb, int width, int height) {
        Luma l = lumaFromRgb(rgb, width, height);
        return dihedralLumaExact(l.values, l.width, l.height);
    }

    /**
     * Fast path for luminance already computed ({@code width * height} floats, row-major). The
     * 512 resize rule is applied as for images.
     */
    public PdqResult hashLuma(float[] luma, int width, int height) {
        Luma l = resizeLuma(luma, width, height);
        return hashLumaExact(l.values, l.width, l.height);
    }

    public PdqDihedral dihedralLuma(float[] luma, int width, int height) {
        Luma l = resizeLuma(luma, width, height);
        return dihedralLumaExact(l.values, l.width, l.height);
    }

    // ------------------------------------------------------------------ luminance

    private static final class Luma {
        final float[] values;
        final int width;
        final int height;

        Luma(float[] values, int width, int height) {
            this.values = values;
            this.width = width;
            this.height = height;
        }
    }

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
        for (int i = 0; i < dst; i++) {
            idx[i] = (int) ((long) i * src / dst);
        }
        return idx;
    }

    /** The three products for every byte value: the same float results, without converting and multiplying. */
    private static final float[] TIMES_R = new float[256];
    private static final float[] TIMES_G = new float[256];
    private static final float[] TIMES_B = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            TIMES_R[v] = LUMA_R * v;
            TIMES_G[v] = LUMA_G * v;
            TIMES_B[v] = LUMA_B * v;
        }
    }

    private static float luma(int r, int g, int b) {
        return TIMES_R[r] + TIMES_G[g] + TIMES_B[b];
    }

    private static Luma lumaFromRgb(byte[] rgb, int width, int height) {
        checkDimensions(width, height, rgb.length, 3);
        int tw = targetWidth(width, height);
        int th = targetHeight(width, height);
        int[] sx = sourceIndex(width, tw);
        int[] sy = sourceIndex(height, th);
        float[] out = new float[tw * th];
        for (int y = 0, o = 0; y < th; y++) {
            int row = sy[y] * width * 3;
            for (int x = 0; x < tw; x++, o++) {
                int p = row + sx[x] * 3;
                out[o] = luma(rgb[p] & 0xFF, rgb[p + 1] & 0xFF, rgb[p + 2] & 0xFF);
            }
        }
        return new Luma(out, tw, th);
    }

    private static Luma resizeLuma(float[] luma, int width, int height) {
        checkDimensions(width, height, luma.length, 1);
        int tw = targetWidth(width, height);
        int th = targetHeight(width, height);
        if (tw == width && th == height) {
            return new Luma(luma.clone(), width, height);
        }
        int[] sx = sourceIndex(width, tw);
        int[] sy = sourceIndex(height, th);
        float[] out = new float[tw * th];
        for (int y = 0, o = 0; y < th; y++) {
            int row = sy[y] * width;
            for (int x = 0; x < tw; x++, o++) {
                out[o] = luma[row + sx[x]];
            }
        }
        return new Luma(out, tw, th);
    }

    /**
     * Luminance of the pixels the resize rule keeps. Reads the raster directly for the layouts
     * ImageIO produces (interleaved 8-bit RGB/RGBA/grey, packed int RGB); anything else goes
     * through {@link BufferedImage#getRGB}. Alpha is ignored, as the reference ignores it. Grey
     * images use the grey value for R, G and B (the raster value, not a colour-managed one).
     */
    private static Luma luma(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int tw = targetWidth(width, height);
        int th = targetHeight(width, height);
        int[] sx = sourceIndex(width, tw);
        int[] sy = sourceIndex(height, th);
        float[] out = new float[tw * th];
        Raster raster = image.getRaster();
        DataBuffer db = raster.getDataBuffer();
        ColorModel cm = image.getColorModel();
        int tx = raster.getSampleModelTranslateX();
        int ty = raster.getSampleModelTranslateY();
        if (db instanceof DataBufferByte && db.getNumBanks() == 1
                && raster.getSampleModel() instanceof ComponentSampleModel
                && cm instanceof ComponentColorModel) {
            ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
            byte[] data = ((DataBufferByte) db).getData();
            int[] bandOffsets = sm.getBandOffsets();
            int ps = sm.getPixelStride();
            int ss = sm.getScanlineStride();
            int base = db.getOffset() - ty * ss - tx * ps;
            ColorSpace cs = cm.getColorSpace();
            if (cm.getNumColorComponents() == 3 && cs.isCS_sRGB() && bandOffsets.length >= 3) {
                int ro = bandOffsets[0];
                int go = bandOffsets[1];
                int bo = bandOffsets[2];
                if (tw == width && th == height) {
                    for (int y = 0, o = 0; y < th; y++) {
                        for (int x = 0, p = base + y * ss; x < tw; x++, o++, p += ps) {
                            out[o] = luma(data[p + ro] & 0xFF, data[p + go] & 0xFF, data[p + bo] & 0xFF);
                        }
                    }
                    return new Luma(out, tw, th);
                }
                for (int y = 0, o = 0; y < th; y++) {
                    int row = base + sy[y] * ss;
                    for (int x = 0; x < tw; x++, o++) {
                        int p = row + sx[x] * ps;
                        out[o] = luma(data[p + ro] & 0xFF, data[p + go] & 0xFF, data[p + bo] & 0xFF);
                    }
                }
                return new Luma(out, tw, th);
            }
            if (cm.getNumColorComponents() == 1 && cs.getType() == ColorSpace.TYPE_GRAY) {
                int go = bandOffsets[0];
                for (int y = 0, o = 0; y < th; y++) {
                    int row = base + sy[y] * ss;
                    for (int x = 0; x < tw; x++, o++) {
                        int v = data[row + sx[x] * ps + go] & 0xFF;
                        out[o] = luma(v, v, v);
                    }
                }
                return new Luma(out, tw, th);
            }
        }
        int type = image.getType();
        if (db instanceof DataBufferInt && db.getNumBanks() == 1
                && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel) {
            SinglePixelPackedSampleModel sm = (SinglePixelPackedSampleModel) raster.getSampleModel();
            int[] data = ((DataBufferInt) db).getData();
            int ss = sm.getScanlineStride();
            int base = db.getOffset() - ty * ss - tx;
            for (int y = 0, o = 0; y < th; y++) {
                int row = base + sy[y] * ss;
                for (int x = 0; x < tw; x++, o++) {
                    int p = data[row + sx[x]];
                    out[o] = luma((p >>> 16) & 0xFF, (p >>> 8) & 0xFF, p & 0xFF);
                }
            }
            return new Luma(out, tw, th);
        }
        // palettes, 16-bit samples, premultiplied alpha, other colour spaces: let Java2D convert
        int[] line = new int[width];
        for (int y = 0, o = 0; y < th; y++) {
            image.getRGB(0, sy[y], width, 1, line, 0, width);
            for (int x = 0; x < tw; x++, o++) {
                int p = line[sx[x]];
                out[o] = luma((p >>> 16) & 0xFF, (p >>> 8) & 0xFF, p & 0xFF);
            }
        }
        return new Luma(out, tw, th);
    }

    // ------------------------------------------------------------------ the hash

    private static PdqResult hashLumaExact(float[] luma, int w, int h) {
        if (w < MIN_DIMENSION || h < MIN_DIMENSION) {
            return new PdqResult(PdqHash.zero(), 0);
        }
        float[] a64 = (w == 64 && h == 64) ? luma : downsample(luma, w, h);
        int quality = quality(a64);
        float[] b = dct(a64);
        return new PdqResult(bits(b), quality);
    }

    private static PdqDihedral dihedralLumaExact(float[] luma, int w, int h) {
        if (w < MIN_DIMENSION || h < MIN_DIMENSION) {
            PdqHash z = PdqHash.zero();
            return new PdqDihedral(z, z, z, z, z, z, z, z, 0);
        }
        float[] a64 = downsample(luma, w, h);
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

    /**
     * Blur (two Jarosz passes) and decimate to 64x64, reading only what the decimation keeps.
     *
     * <p>Each output value goes through exactly the reference's float operations; only work whose
     * result the decimation discards is skipped. Pass 1 filters everything (rows, then columns).
     * Pass 2 keeps every row's running sum (the sum's rounding depends on all of it) but divides
     * only at the 64 sampled columns, and filters just those columns, dividing only at the 64
     * sampled rows. Rows are filtered eight at a time so that eight running sums advance in
     * parallel (one sum is a chain of dependent adds); columns are filtered all at once, row by
     * row, which reads memory in order and vectorises.
     */
    static float[] downsample(float[] luma, int w, int h) {
        int windowAlongRows = (w + 127) / 128;
        int windowAlongCols = (h + 127) / 128;
        int[] rowAt = new int[64];
        int[] colAt = new int[64];
        for (int i = 0; i < 64; i++) {
            rowAt[i] = (int) (((i + 0.5) * h) / 64);
            colAt[i] = (int) (((i + 0.5) * w) / 64);
        }
        // pass 1
        float[] buf2 = new float[w * h];
        boxRows(luma, buf2, w, h, windowAlongRows, null, 0);
        boxColumns(buf2, luma, w, h, windowAlongCols, null, null);
        // pass 2: rows, keeping the sampled columns only (h x 64)
        int[] keepCol = new int[w];
        Arrays.fill(keepCol, -1);
        for (int j = 0; j < 64; j++) {
            keepCol[colAt[j]] = j; // distinct: w >= 5 and colAt is strictly increasing when w >= 64
        }
        float[] narrow = new float[h * 64];
        if (w >= 64) {
            boxRows(luma, narrow, w, h, windowAlongRows, keepCol, 64);
        } else {
            // fewer than 64 columns: sampled columns repeat, so filter in full and gather
            boxRows(luma, buf2, w, h, windowAlongRows, null, 0);
            for (int y = 0; y < h; y++) {
                for (int j = 0; j < 64; j++) {
                    narrow[y * 64 + j] = buf2[y * w + colAt[j]];
                }
            }
        }
        // pass 2: columns of the narrow buffer, written only at the sampled rows
        float[] out = new float[64 * 64];
        boxColumns(narrow, out, 64, h, windowAlongCols, rowAt, new float[64]);
        return out;
    }

    /**
     * The reference box filter along every row. With {@code keepCol == null} writes all of
     * {@code out} (w wide); otherwise writes only columns {@code c} with {@code keepCol[c] >= 0},
     * into column {@code keepCol[c]} of {@code out} ({@code outWidth} wide).
     */
    private static void boxRows(float[] in, float[] out, int w, int h, int window, int[] keepCol, int outWidth) {
        int y = 0;
        for (; y + 8 <= h; y += 8) {
            boxRows8(in, out, y, w, window, keepCol, outWidth);
        }
        for (; y < h; y++) {
            boxRow(in, out, y, w, window, keepCol, outWidth);
        }
    }

    private static void boxRow(float[] in, float[] out, int y, int w, int window, int[] keepCol, int outWidth) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = w - window;
        int phase4 = half - 1;
        int off = y * w;
        int li = 0;
        int ri = 0;
        int oi = 0;
        float sum = 0.0f;
        int size = 0;
        for (int i = 0; i < phase1; i++) {
            sum += in[off + ri++];
            size++;
        }
        for (int i = 0; i < phase2; i++, oi++) {
            sum += in[off + ri++];
            size++;
            store(out, y, oi, sum / size, w, keepCol, outWidth);
        }
        for (int i = 0; i < phase3; i++, oi++) {
            sum += in[off + ri++];
            sum -= in[off + li++];
            if (keepCol == null || keepCol[oi] >= 0) {
                store(out, y, oi, sum / size, w, keepCol, outWidth);
            }
        }
        for (int i = 0; i < phase4; i++, oi++) {
            sum -= in[off + li++];
            size--;
            store(out, y, oi, sum / size, w, keepCol, outWidth);
        }
    }

    private static void store(float[] out, int y, int x, float v, int w, int[] keepCol, int outWidth) {
        if (keepCol == null) {
            out[y * w + x] = v;
        } else if (keepCol[x] >= 0) {
            out[y * outWidth + keepCol[x]] = v;
        }
    }

    /** {@link #boxRow} for rows y..y+7 with eight independent running sums. */
    private static void boxRows8(float[] in, float[] out, int y, int w, int window, int[] keepCol, int outWidth) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = w - window;
        int phase4 = half - 1;
        int o0 = y * w;
        int o1 = o0 + w;
        int o2 = o1 + w;
        int o3 = o2 + w;
        int o4 = o3 + w;
        int o5 = o4 + w;
        int o6 = o5 + w;
        int o7 = o6 + w;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int li = 0;
        int ri = 0;
        int oi = 0;
        int size = 0;
        for (int i = 0; i < phase1; i++, ri++) {
            s0 += in[o0 + ri];
            s1 += in[o1 + ri];
            s2 += in[o2 + ri];
            s3 += in[o3 + ri];
            s4 += in[o4 + ri];
            s5 += in[o5 + ri];
            s6 += in[o6 + ri];
            s7 += in[o7 + ri];
            size++;
        }
        for (int i = 0; i < phase2; i++, ri++, oi++) {
            s0 += in[o0 + ri];
            s1 += in[o1 + ri];
            s2 += in[o2 + ri];
            s3 += in[o3 + ri];
            s4 += in[o4 + ri];
            s5 += in[o5 + ri];
            s6 += in[o6 + ri];
            s7 += in[o7 + ri];
            size++;
            store8(out, y, oi, size, s0, s1, s2, s3, s4, s5, s6, s7, w, keepCol, outWidth);
        }
        for (int i = 0; i < phase3; i++, ri++, li++, oi++) {
            s0 += in[o0 + ri];
            s1 += in[o1 + ri];
            s2 += in[o2 + ri];
            s3 += in[o3 + ri];
            s4 += in[o4 + ri];
            s5 += in[o5 + ri];
            s6 += in[o6 + ri];
            s7 += in[o7 + ri];
            s0 -= in[o0 + li];
            s1 -= in[o1 + li];
            s2 -= in[o2 + li];
            s3 -= in[o3 + li];
            s4 -= in[o4 + li];
            s5 -= in[o5 + li];
            s6 -= in[o6 + li];
            s7 -= in[o7 + li];
            if (keepCol == null || keepCol[oi] >= 0) {
                store8(out, y, oi, size, s0, s1, s2, s3, s4, s5, s6, s7, w, keepCol, outWidth);
            }
        }
        for (int i = 0; i < phase4; i++, li++, oi++) {
            s0 -= in[o0 + li];
            s1 -= in[o1 + li];
            s2 -= in[o2 + li];
            s3 -= in[o3 + li];
            s4 -= in[o4 + li];
            s5 -= in[o5 + li];
            s6 -= in[o6 + li];
            s7 -= in[o7 + li];
            size--;
            store8(out, y, oi, size, s0, s1, s2, s3, s4, s5, s6, s7, w, keepCol, outWidth);
        }
    }

    private static void store8(float[] out, int y, int x, int size, float s0, float s1, float s2, float s3,
            float s4, float s5, float s6, float s7, int w, int[] keepCol, int outWidth) {
        float d = size;
        int stride;
        int o;
        if (keepCol == null) {
            stride = w;
            o = y * w + x;
        } else {
            int k = keepCol[x];
            if (k < 0) {
                return;
            }
            stride = outWidth;
            o = y * outWidth + k;
        }
        if ((size & (size - 1)) == 0) {
            // dividing by a power of two and multiplying by its exact reciprocal round alike
            float inv = 1.0f / d;
            out[o] = s0 * inv;
            out[o + stride] = s1 * inv;
            out[o + 2 * stride] = s2 * inv;
            out[o + 3 * stride] = s3 * inv;
            out[o + 4 * stride] = s4 * inv;
            out[o + 5 * stride] = s5 * inv;
            out[o + 6 * stride] = s6 * inv;
            out[o + 7 * stride] = s7 * inv;
            return;
        }
        out[o] = s0 / d;
        out[o + stride] = s1 / d;
        out[o + 2 * stride] = s2 / d;
        out[o + 3 * stride] = s3 / d;
        out[o + 4 * stride] = s4 / d;
        out[o + 5 * stride] = s5 / d;
        out[o + 6 * stride] = s6 / d;
        out[o + 7 * stride] = s7 / d;
    }

    /**
     * The reference box filter down every column of a {@code w}-wide buffer, all columns advanced
     * together. With {@code rowAt == null} writes every row of {@code out} (w wide); otherwise only
     * the rows listed in {@code rowAt} (ascending), as consecutive rows of {@code out}.
     */
    private static void boxColumns(float[] in, float[] out, int w, int h, int window, int[] rowAt, float[] sums) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = h - window;
        int phase4 = half - 1;
        if (sums == null) {
            sums = new float[w];
        } else {
            Arrays.fill(sums, 0.0f);
        }
        int li = 0;
        int ri = 0;
        int row = 0;
        int size = 0;
        int next = 0; // index into rowAt of the next row to write
        for (int i = 0; i < phase1; i++, ri += w) {
            for (int j = 0; j < w; j++) {
                sums[j] += in[ri + j];
            }
            size++;
        }
        for (int i = 0; i < phase2; i++, ri += w, row++) {
            size++;
            for (int j = 0; j < w; j++) {
                sums[j] += in[ri + j];
            }
            next = emit(sums, out, w, row, size, rowAt, next);
        }
        for (int i = 0; i < phase3; i++, ri += w, li += w, row++) {
            for (int j = 0; j < w; j++) {
                float s = sums[j] + in[ri + j];
                s -= in[li + j];
                sums[j] = s;
            }
            next = emit(sums, out, w, row, size, rowAt, next);
        }
        for (int i = 0; i < phase4; i++, li += w, row++) {
            size--;
            for (int j = 0; j < w; j++) {
                sums[j] -= in[li + j];
            }
            next = emit(sums, out, w, row, size, rowAt, next);
        }
    }

    /** Writes the divided sums as output row {@code row} when wanted; returns the next rowAt index. */
    private static int emit(float[] sums, float[] out, int w, int row, int size, int[] rowAt, int next) {
        float d = size;
        if (rowAt == null) {
            int o = row * w;
            if ((size & (size - 1)) == 0) {
                float inv = 1.0f / d; // exact: see store8
                for (int j = 0; j < w; j++) {
                    out[o + j] = sums[j] * inv;
                }
                return next;
            }
            for (int j = 0; j < w; j++) {
                out[o + j] = sums[j] / d;
            }
            return next;
        }
        // sampled rows can repeat when h < 64
        while (next < rowAt.length && rowAt[next] == row) {
            int o = next * w;
            for (int j = 0; j < w; j++) {
                out[o + j] = sums[j] / d;
            }
            next++;
        }
        return next;
    }

    private static int quality(float[] a) {
        int gradientSum = 0;
        for (int i = 0; i < 63; i++) {
            for (int j = 0; j < 64; j++) {
                float u = a[i * 64 + j];
                float v = a[(i + 1) * 64 + j];
                int d = (int) (((u - v) * 100) / 255);
                gradientSum += Math.abs(d);
            }
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 63; j++) {
                float u = a[i * 64 + j];
                float v = a[i * 64 + j + 1];
                int d = (int) (((u - v) * 100) / 255);
                gradientSum += Math.abs(d);
            }
        }
        return Math.min(100, gradientSum / 90);
    }

    /** B = D A D^T for the 16x16 low frequencies (DC excluded), sums in index order. */
    private static float[] dct(float[] a) {
        float[] t = new float[16 * 64];
        for (int i = 0; i < 16; i++) {
            // accumulate row i of T = D A over k, keeping one running sum per column j
            float[] acc = new float[64];
            for (int k = 0; k < 64; k++) {
                float dik = DCT[i * 64 + k];
                int ak = k * 64;
                for (int j = 0; j < 64; j++) {
                    acc[j] += dik * a[ak + j];
                }
            }
            System.arraycopy(acc, 0, t, i * 64, 64);
        }
        float[] b = new float[256];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float sum = 0.0f;
                for (int k = 0; k < 64; k++) {
                    sum += t[i * 64 + k] * DCT[j * 64 + k];
                }
                b[i * 16 + j] = sum;
            }
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
