package org.christchurchcall.hashmatch.pdq;

/**
 * The pixels Meta's reference vPDQ hasher hashes: FFmpeg's portable C converter from 8-bit
 * yuv420p to RGB24 ({@code yuv2rgb_c_24_rgb} with the tables of {@code ff_yuv2rgb_c_init_tables}
 * in libswscale 6, FFmpeg 5.1), at the defaults the reference leaves in place: the BT.601 matrix
 * ({@code SWS_CS_DEFAULT}), limited-range ("tv") input, full-range output, no brightness,
 * contrast or saturation change.
 *
 * <p>How that converter works, and so how this one does: one chroma sample (U, V) covers a 2x2
 * block of pixels with no interpolation; each channel is a lookup in one table of clipped luma
 * values, at an offset that depends on the chroma alone ({@code R = T[Y + r(V)]},
 * {@code G = T[Y + gu(U) + gv(V)]}, {@code B = T[Y + b(U)]}). Every offset is fixed-point
 * integer arithmetic, so the port is bit-exact by construction; {@code SwscaleYuv420Test}
 * checks it against the MD5 of every frame FFmpeg produced with {@code -cpuflags 0}.
 *
 * <p>The SIMD converters FFmpeg picks on x86 round differently (most bytes agree, many differ
 * by 1 or 2); Meta's published 2022 hashes were made with the C converter, which is why this
 * one is the reference here. Widths and heights must be even (the 2x2 blocks); callers convert
 * odd-sized frames in FFmpeg instead.
 */
public final class SwscaleYuv420 {

    /** Clipped luma values, {@code (yb + 0x8000) >> 16} for yb stepping by the luma gain. */
    private static final int[] TABLE = new int[2048];
    /** Per chroma value: the table offsets of R (from V), G (from U and from V) and B (from U). */
    private static final int[] R_V = new int[256];
    private static final int[] G_U = new int[256];
    private static final int[] G_V = new int[256];
    private static final int[] B_U = new int[256];
    /**
     * The reference's luma products of each table entry ({@code 0.299f * R} and so on, in float):
     * {@code LUMA_R[i] + LUMA_G[j] + LUMA_B[k]} is, bit for bit, the luma of the pixel with
     * R = TABLE[i], G = TABLE[j], B = TABLE[k], in three reads instead of six.
     */
    private static final float[] LUMA_R = new float[TABLE.length];
    private static final float[] LUMA_G = new float[TABLE.length];
    private static final float[] LUMA_B = new float[TABLE.length];

    static {
        // ff_yuv2rgb_coeffs[SWS_CS_DEFAULT] (ITU-R BT.601): crv, cbu, cgu, cgv
        long crv = 104597;
        long cbu = 132201;
        long cgu = -25675;
        long cgv = -53279;
        long cy = (1L << 16) * 255 / 219; // limited range: stretch 16..235 to 0..255
        long oy = 16L << 16;
        // contrast and saturation are 1 << 16 and brightness 0: the scalings leave the values as they are
        crv = ((crv << 16) + 0x8000) / cy;
        cbu = ((cbu << 16) + 0x8000) / cy;
        cgu = ((cgu << 16) + 0x8000) / cy;
        cgv = ((cgv << 16) + 0x8000) / cy;
        int headroom = 512;
        long yb = -(384L << 16) - headroom * cy - oy;
        for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = clip((yb + 0x8000) >> 16);
            yb += cy;
        }
        for (int i = 0; i < TABLE.length; i++) {
            // adding 0.0f is exact, so each is the product alone
            LUMA_R[i] = Rasters.luma(TABLE[i], 0, 0);
            LUMA_G[i] = Rasters.luma(0, TABLE[i], 0);
            LUMA_B[i] = Rasters.luma(0, 0, TABLE[i]);
        }
        int yoffs = 326 + headroom; // where Y = 0 reads in the table, limited range
        for (int c = 0; c < 256; c++) {
            R_V[c] = (int) (yoffs - (crv >> 9) + ((c * crv) >> 16));
            G_U[c] = (int) (yoffs - (cgu >> 9) + ((c * cgu) >> 16));
            G_V[c] = (int) (-(cgv >> 9) + ((c * cgv) >> 16));
            B_U[c] = (int) (yoffs - (cbu >> 9) + ((c * cbu) >> 16));
        }
    }

    private SwscaleYuv420() {
    }

    private static int clip(long v) {
        return v < 0 ? 0 : v > 255 ? 255 : (int) v;
    }

    /** Bytes in a tightly packed yuv420p frame: the Y plane, then U and V at half width and height. */
    public static int frameSize(int width, int height) {
        checkEven(width, height);
        return width * height + 2 * (width / 2) * (height / 2);
    }

    /**
     * Converts a tightly packed yuv420p frame ({@link #frameSize} bytes) into {@code rgb}
     * ({@code width * height * 3} bytes, R, G, B per pixel, row-major).
     */
    public static void toRgb24(byte[] yuv, int width, int height, byte[] rgb) {
        check(yuv, width, height);
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("rgb must hold width * height * 3 bytes");
        }
        int cw = width / 2;
        int uBase = width * height;
        int vBase = uBase + cw * (height / 2);
        for (int y = 0; y < height; y++) {
            int py = y * width;
            int pc = (y >> 1) * cw;
            int out = y * width * 3;
            for (int x = 0; x < width; x += 2) {
                int u = yuv[uBase + pc + (x >> 1)] & 0xFF;
                int v = yuv[vBase + pc + (x >> 1)] & 0xFF;
                int r = R_V[v];
                int g = G_U[u] + G_V[v];
                int b = B_U[u];
                int y0 = yuv[py + x] & 0xFF;
                int y1 = yuv[py + x + 1] & 0xFF;
                rgb[out++] = (byte) TABLE[y0 + r];
                rgb[out++] = (byte) TABLE[y0 + g];
                rgb[out++] = (byte) TABLE[y0 + b];
                rgb[out++] = (byte) TABLE[y1 + r];
                rgb[out++] = (byte) TABLE[y1 + g];
                rgb[out++] = (byte) TABLE[y1 + b];
            }
        }
    }

    /** The float luminance of the converted RGB, a row at a time, without storing the RGB frame. */
    static Jarosz.LumaRows lumaRows(byte[] yuv, int width, int height) {
        check(yuv, width, height);
        return new LumaRows(yuv, width, height);
    }

    private static void check(byte[] yuv, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive");
        }
        if (yuv.length != frameSize(width, height)) {
            throw new IllegalArgumentException("a yuv420p frame of " + width + "x" + height + " is "
                    + frameSize(width, height) + " bytes, not " + yuv.length);
        }
    }

    private static void checkEven(int width, int height) {
        if ((width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("yuv420p conversion here needs even width and height, not "
                    + width + "x" + height);
        }
    }

    /**
     * Rows come in pairs that share their chroma: the first of a pair is computed together with
     * the second (the three offsets of each 2x2 block worked out once for its four pixels), and
     * the second is kept for the call that asks for it. Rows are asked for in order, as
     * {@link Jarosz} does; any other order still gets the right values.
     */
    private static final class LumaRows implements Jarosz.LumaRows {
        private final byte[] yuv;
        private final int width;
        private final int uBase;
        private final int vBase;
        private final int cw;
        private final float[] next;
        private int nextRow = -1;

        LumaRows(byte[] yuv, int width, int height) {
            this.yuv = yuv;
            this.width = width;
            this.cw = width / 2;
            this.uBase = width * height;
            this.vBase = uBase + cw * (height / 2);
            this.next = new float[width];
        }

        @Override
        public void row(int y, float[] out) {
            if (y == nextRow) {
                System.arraycopy(next, 0, out, 0, width);
                return;
            }
            int top = y & ~1;
            if (y == top) {
                pair(top, out, next);
                nextRow = top + 1;
            } else {
                pair(top, next, out);
                nextRow = -1;
            }
        }

        private void pair(int y, float[] first, float[] second) {
            byte[] d = yuv;
            float[] lr = LUMA_R;
            float[] lg = LUMA_G;
            float[] lb = LUMA_B;
            int p0 = y * width;
            int p1 = p0 + width;
            int pu = uBase + (y >> 1) * cw;
            int pv = vBase + (y >> 1) * cw;
            for (int i = 0; i < cw; i++) {
                int u = d[pu + i] & 0xFF;
                int v = d[pv + i] & 0xFF;
                int r = R_V[v];
                int g = G_U[u] + G_V[v];
                int b = B_U[u];
                int x = 2 * i;
                int a = d[p0 + x] & 0xFF;
                int c = d[p0 + x + 1] & 0xFF;
                int e = d[p1 + x] & 0xFF;
                int f = d[p1 + x + 1] & 0xFF;
                first[x] = lr[a + r] + lg[a + g] + lb[a + b];
                first[x + 1] = lr[c + r] + lg[c + g] + lb[c + b];
                second[x] = lr[e + r] + lg[e + g] + lb[e + b];
                second[x + 1] = lr[f + r] + lg[f + g] + lb[f + b];
            }
        }
    }
}
