package org.christchurchcall.hashmatch.pdq;

/**
 * The reference's blur and decimation (two Jarosz passes, each a box filter along rows then along
 * columns, then sampling 64x64), fused so that the data of an image goes through the cache once.
 *
 * <p>Every output value goes through exactly the reference's float operations, in the
 * reference's order; only work whose result the decimation discards is skipped. The four box
 * filters run as a pipeline over rows:
 * <ol>
 *   <li>luminance, eight rows at a time ({@link LumaRows});
 *   <li>pass 1 along rows: eight rows at a time, so that eight running sums (each a chain of
 *       dependent adds) advance in parallel;
 *   <li>pass 1 along columns: one running sum per column, advanced a whole row at a time over a
 *       ring of the last rows (vectorised by the JIT: every array is indexed by the same j);
 *   <li>pass 2 along rows: every row's running sum goes over the whole row (its rounding depends
 *       on all of it), but only the 64 sampled columns are divided and kept;
 *   <li>pass 2 along columns, 64 wide, divided and written only at the 64 sampled rows.
 * </ol>
 * Running sums: add the entering value, then subtract the leaving one, then divide by the number
 * of values in the (edge-cut) window; a power-of-two divisor is replaced by a multiplication by
 * its exact reciprocal, which rounds alike.
 *
 * <p>One instance filters one image; not thread-safe.
 *
 * <p>Over 300 lines on purpose: the reference's filter, written out per case (window, edge cuts,
 * power-of-two divisors, the ring of rows) so that every loop has constant bounds; split into
 * classes, code that must round exactly alike could no longer be read side by side with the
 * reference.
 */
final class Jarosz {

    /** Supplies the luminance of the image to filter, one row at a time. */
    interface LumaRows {
        /** Writes the luminance of row {@code y} ({@code width} values) into {@code out}. */
        void row(int y, float[] out);
    }

    private static final int BATCH = 8;

    private final int w;
    private final int h;
    private final int winR;
    private final int halfR;
    private final int winC;
    private final int halfC;
    private final int[] rowAt = new int[64];
    /** The distinct sampled columns, ascending, and for each the first output index using it. */
    private final int[] cols;
    private final int[] colFirst;
    private final boolean colsRepeat;
    private final int[] colAt = new int[64];

    private final float[][] lum;
    private final float[][] r1;
    private final float[][] batchRefs = new float[BATCH][];
    private final float[] c1Sums;
    private int c1Size;
    private final float[][] c1Out;
    /** pass-1 output rows already handed to pass 2 */
    private int c1Done;
    private int c1Pending;
    private final float[][] narrow;
    private final float[] c2Sums = new float[64];
    private int c2Size;
    private int nextRowAt;
    private final float[][] out = new float[64][64];

    private Jarosz(int w, int h) {
        this.w = w;
        this.h = h;
        winR = (w + 127) / 128;
        halfR = (winR + 2) / 2;
        winC = (h + 127) / 128;
        halfC = (winC + 2) / 2;
        for (int i = 0; i < 64; i++) {
            rowAt[i] = (int) (((i + 0.5) * h) / 64);
            colAt[i] = (int) (((i + 0.5) * w) / 64);
        }
        int distinct = 1;
        for (int i = 1; i < 64; i++) {
            if (colAt[i] != colAt[i - 1]) {
                distinct++;
            }
        }
        cols = new int[distinct];
        colFirst = new int[distinct];
        for (int i = 0, u = -1; i < 64; i++) {
            if (i == 0 || colAt[i] != colAt[i - 1]) {
                u++;
                cols[u] = colAt[i];
                colFirst[u] = i;
            }
        }
        colsRepeat = distinct < 64;
        int ring = winC + BATCH;
        lum = new float[BATCH][w];
        r1 = new float[ring][w];
        c1Sums = new float[w];
        c1Out = new float[BATCH][w];
        narrow = new float[ring][64];
    }

    /**
     * Blurs and decimates a {@code w x h} image ({@code w, h >= 1}) to 64x64; returns the 64 rows.
     */
    static float[][] blurAndDecimate(LumaRows src, int w, int h) {
        return new Jarosz(w, h).run(src);
    }

    private float[][] run(LumaRows src) {
        int ring = r1.length;
        for (int y0 = 0; y0 < h; y0 += BATCH) {
            int n = Math.min(BATCH, h - y0);
            for (int k = 0; k < n; k++) {
                src.row(y0 + k, lum[k]);
            }
            if (n == BATCH) {
                for (int k = 0; k < BATCH; k++) {
                    batchRefs[k] = r1[(y0 + k) % ring];
                }
                rows8(lum, batchRefs, w, winR);
            } else {
                for (int k = 0; k < n; k++) {
                    row1(lum[k], r1[(y0 + k) % ring], w, winR);
                }
            }
            for (int k = 0; k < n; k++) {
                c1Push(y0 + k);
            }
        }
        // pass 1 along columns, phase 4: only values leave
        for (int i = 0; i < halfC - 1; i++) {
            int size = winC - 1 - i;
            subtractEmit(c1Sums, r1[(h - winC + i) % ring], c1Out[c1Pending], w, size);
            c1Emitted();
        }
        if (c1Pending > 0) {
            pass2Rows();
        }
        for (int i = 0; i < halfC - 1; i++) {
            int size = winC - 1 - i;
            subtract(c2Sums, narrow[(h - winC + i) % narrow.length], 64);
            c2Emit(h - halfC + 1 + i, size);
        }
        return out;
    }

    // ------------------------------------------------------------------ pass 1 along columns

    /** Row {@code ri} of the pass-1 row filter is ready in the ring. */
    private void c1Push(int ri) {
        int ring = r1.length;
        float[] in = r1[ri % ring];
        if (ri < halfC - 1) {
            add(c1Sums, in, w);
            c1Size++;
        } else if (ri < winC) {
            c1Size++;
            addEmit(c1Sums, in, c1Out[c1Pending], w, c1Size);
            c1Emitted();
        } else {
            slideEmit(c1Sums, in, r1[(ri - winC) % ring], c1Out[c1Pending], w, c1Size);
            c1Emitted();
        }
    }

    private void c1Emitted() {
        c1Pending++;
        if (c1Pending == BATCH) {
            pass2Rows();
        }
    }

    // ------------------------------------------------------------------ pass 2

    /** Filters the pending pass-1 output rows along rows, at the sampled columns, and feeds pass 2 columns. */
    private void pass2Rows() {
        int ring = narrow.length;
        int first = c1Done;
        int n = c1Pending;
        if (n == BATCH) {
            for (int k = 0; k < BATCH; k++) {
                batchRefs[k] = narrow[(first + k) % ring];
            }
            sampledRows8(c1Out, batchRefs, w, winR, cols, colFirst);
        } else {
            for (int k = 0; k < n; k++) {
                sampledRow1(c1Out[k], narrow[(first + k) % ring], w, winR, cols, colFirst);
            }
        }
        for (int k = 0; k < n; k++) {
            float[] row = narrow[(first + k) % ring];
            if (colsRepeat) {
                for (int j = 1; j < 64; j++) {
                    if (colAt[j] == colAt[j - 1]) {
                        row[j] = row[j - 1];
                    }
                }
            }
            c2Push(first + k);
        }
        c1Done += n;
        c1Pending = 0;
    }

    private void c2Push(int ri) {
        int ring = narrow.length;
        float[] in = narrow[ri % ring];
        if (ri < halfC - 1) {
            add(c2Sums, in, 64);
            c2Size++;
        } else if (ri < winC) {
            c2Size++;
            add(c2Sums, in, 64);
            c2Emit(ri - (halfC - 1), c2Size);
        } else {
            slide(c2Sums, in, narrow[(ri - winC) % ring], 64);
            c2Emit(ri - (halfC - 1), c2Size);
        }
    }

    private void c2Emit(int row, int size) {
        float d = size;
        while (nextRowAt < 64 && rowAt[nextRowAt] == row) {
            float[] o = out[nextRowAt];
            for (int j = 0; j < 64; j++) {
                o[j] = c2Sums[j] / d;
            }
            nextRowAt++;
        }
    }

    // ------------------------------------------------------------------ vector loops (same index everywhere)

    private static void add(float[] sums, float[] in, int n) {
        for (int j = 0; j < n; j++) {
            sums[j] += in[j];
        }
    }

    private static void subtract(float[] sums, float[] in, int n) {
        for (int j = 0; j < n; j++) {
            sums[j] -= in[j];
        }
    }

    private static void slide(float[] sums, float[] in, float[] leaving, int n) {
        for (int j = 0; j < n; j++) {
            float s = sums[j] + in[j];
            sums[j] = s - leaving[j];
        }
    }

    private static void addEmit(float[] sums, float[] in, float[] out, int n, int size) {
        add(sums, in, n);
        divide(sums, out, n, size);
    }

    private static void subtractEmit(float[] sums, float[] leaving, float[] out, int n, int size) {
        subtract(sums, leaving, n);
        divide(sums, out, n, size);
    }

    private static void slideEmit(float[] sums, float[] in, float[] leaving, float[] out, int n, int size) {
        if ((size & (size - 1)) == 0) {
            float inv = 1.0f / size;
            for (int j = 0; j < n; j++) {
                float s = sums[j] + in[j];
                s -= leaving[j];
                sums[j] = s;
                out[j] = s * inv;
            }
        } else {
            float d = size;
            for (int j = 0; j < n; j++) {
                float s = sums[j] + in[j];
                s -= leaving[j];
                sums[j] = s;
                out[j] = s / d;
            }
        }
    }

    private static void divide(float[] sums, float[] out, int n, int size) {
        if ((size & (size - 1)) == 0) {
            float inv = 1.0f / size;
            for (int j = 0; j < n; j++) {
                out[j] = sums[j] * inv;
            }
        } else {
            float d = size;
            for (int j = 0; j < n; j++) {
                out[j] = sums[j] / d;
            }
        }
    }

    // ------------------------------------------------------------------ row filters (scalar)

    /** Quotient of a running sum, exactly as the reference's {@code sum / size}. */
    private static float div(float s, float d, float inv, boolean pow2) {
        return pow2 ? s * inv : s / d;
    }

    /** The box filter along one row, every output written. */
    static void row1(float[] in, float[] out, int w, int window) {
        int half = (window + 2) / 2;
        int ri = 0;
        int li = 0;
        int oi = 0;
        int size = 0;
        float s = 0.0f;
        for (int i = 0; i < half - 1; i++) {
            s += in[ri++];
            size++;
        }
        for (int i = 0; i < window - half + 1; i++) {
            s += in[ri++];
            size++;
            out[oi++] = s / size;
        }
        float d = size;
        float inv = 1.0f / d;
        boolean pow2 = (size & (size - 1)) == 0;
        for (int i = 0; i < w - window; i++) {
            s += in[ri++];
            s -= in[li++];
            out[oi++] = div(s, d, inv, pow2);
        }
        for (int i = 0; i < half - 1; i++) {
            s -= in[li++];
            size--;
            out[oi++] = s / size;
        }
    }

    /** {@link #row1} for eight rows at once (eight independent running sums). */
    static void rows8(float[][] in, float[][] out, int w, int window) {
        float[] a0 = in[0];
        float[] a1 = in[1];
        float[] a2 = in[2];
        float[] a3 = in[3];
        float[] a4 = in[4];
        float[] a5 = in[5];
        float[] a6 = in[6];
        float[] a7 = in[7];
        float[] b0 = out[0];
        float[] b1 = out[1];
        float[] b2 = out[2];
        float[] b3 = out[3];
        float[] b4 = out[4];
        float[] b5 = out[5];
        float[] b6 = out[6];
        float[] b7 = out[7];
        int half = (window + 2) / 2;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int ri = 0;
        int li = 0;
        int oi = 0;
        int size = 0;
        for (int i = 0; i < half - 1; i++, ri++) {
            s0 += a0[ri];
            s1 += a1[ri];
            s2 += a2[ri];
            s3 += a3[ri];
            s4 += a4[ri];
            s5 += a5[ri];
            s6 += a6[ri];
            s7 += a7[ri];
            size++;
        }
        for (int i = 0; i < window - half + 1; i++, ri++, oi++) {
            s0 += a0[ri];
            s1 += a1[ri];
            s2 += a2[ri];
            s3 += a3[ri];
            s4 += a4[ri];
            s5 += a5[ri];
            s6 += a6[ri];
            s7 += a7[ri];
            size++;
            float d = size;
            b0[oi] = s0 / d;
            b1[oi] = s1 / d;
            b2[oi] = s2 / d;
            b3[oi] = s3 / d;
            b4[oi] = s4 / d;
            b5[oi] = s5 / d;
            b6[oi] = s6 / d;
            b7[oi] = s7 / d;
        }
        int n3 = w - window;
        int lead = oi; // output index minus leaving index through the middle
        if (window == 4) {
            // the common case (every side 385..512, and every resized image), with constant offsets
            float[] st = {s0, s1, s2, s3, s4, s5, s6, s7};
            middle4(in, out, n3, 1.0f / size, st);
            s0 = st[0];
            s1 = st[1];
            s2 = st[2];
            s3 = st[3];
            s4 = st[4];
            s5 = st[5];
            s6 = st[6];
            s7 = st[7];
        } else if ((size & (size - 1)) == 0) {
            float inv = 1.0f / size;
            for (li = 0; li < n3; li++) {
                ri = li + window;
                oi = li + lead;
                s0 += a0[ri];
                s1 += a1[ri];
                s2 += a2[ri];
                s3 += a3[ri];
                s4 += a4[ri];
                s5 += a5[ri];
                s6 += a6[ri];
                s7 += a7[ri];
                s0 -= a0[li];
                s1 -= a1[li];
                s2 -= a2[li];
                s3 -= a3[li];
                s4 -= a4[li];
                s5 -= a5[li];
                s6 -= a6[li];
                s7 -= a7[li];
                b0[oi] = s0 * inv;
                b1[oi] = s1 * inv;
                b2[oi] = s2 * inv;
                b3[oi] = s3 * inv;
                b4[oi] = s4 * inv;
                b5[oi] = s5 * inv;
                b6[oi] = s6 * inv;
                b7[oi] = s7 * inv;
            }
        } else {
            float d = size;
            for (li = 0; li < n3; li++) {
                ri = li + window;
                oi = li + lead;
                s0 += a0[ri];
                s1 += a1[ri];
                s2 += a2[ri];
                s3 += a3[ri];
                s4 += a4[ri];
                s5 += a5[ri];
                s6 += a6[ri];
                s7 += a7[ri];
                s0 -= a0[li];
                s1 -= a1[li];
                s2 -= a2[li];
                s3 -= a3[li];
                s4 -= a4[li];
                s5 -= a5[li];
                s6 -= a6[li];
                s7 -= a7[li];
                b0[oi] = s0 / d;
                b1[oi] = s1 / d;
                b2[oi] = s2 / d;
                b3[oi] = s3 / d;
                b4[oi] = s4 / d;
                b5[oi] = s5 / d;
                b6[oi] = s6 / d;
                b7[oi] = s7 / d;
            }
        }
        li = n3;
        oi = n3 + lead;
        for (int i = 0; i < half - 1; i++, li++, oi++) {
            s0 -= a0[li];
            s1 -= a1[li];
            s2 -= a2[li];
            s3 -= a3[li];
            s4 -= a4[li];
            s5 -= a5[li];
            s6 -= a6[li];
            s7 -= a7[li];
            size--;
            float d = size;
            b0[oi] = s0 / d;
            b1[oi] = s1 / d;
            b2[oi] = s2 / d;
            b3[oi] = s3 / d;
            b4[oi] = s4 / d;
            b5[oi] = s5 / d;
            b6[oi] = s6 / d;
            b7[oi] = s7 / d;
        }
    }

    /**
     * The middle of {@link #rows8} for window 4: entering li + 4, output li + 2, divisor 4
     * ({@code inv} = 0.25, passed in: a float literal would be reloaded from memory at every use).
     */
    private static void middle4(float[][] in, float[][] out, int n, float inv, float[] st) {
        float[] a0 = in[0];
        float[] a1 = in[1];
        float[] a2 = in[2];
        float[] a3 = in[3];
        float[] a4 = in[4];
        float[] a5 = in[5];
        float[] a6 = in[6];
        float[] a7 = in[7];
        float[] b0 = out[0];
        float[] b1 = out[1];
        float[] b2 = out[2];
        float[] b3 = out[3];
        float[] b4 = out[4];
        float[] b5 = out[5];
        float[] b6 = out[6];
        float[] b7 = out[7];
        float s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3], s4 = st[4], s5 = st[5], s6 = st[6], s7 = st[7];
        for (int li = 0; li < n; li++) {
            s0 += a0[li + 4];
            s1 += a1[li + 4];
            s2 += a2[li + 4];
            s3 += a3[li + 4];
            s4 += a4[li + 4];
            s5 += a5[li + 4];
            s6 += a6[li + 4];
            s7 += a7[li + 4];
            s0 -= a0[li];
            s1 -= a1[li];
            s2 -= a2[li];
            s3 -= a3[li];
            s4 -= a4[li];
            s5 -= a5[li];
            s6 -= a6[li];
            s7 -= a7[li];
            b0[li + 2] = s0 * inv;
            b1[li + 2] = s1 * inv;
            b2[li + 2] = s2 * inv;
            b3[li + 2] = s3 * inv;
            b4[li + 2] = s4 * inv;
            b5[li + 2] = s5 * inv;
            b6[li + 2] = s6 * inv;
            b7[li + 2] = s7 * inv;
        }
        st[0] = s0;
        st[1] = s1;
        st[2] = s2;
        st[3] = s3;
        st[4] = s4;
        st[5] = s5;
        st[6] = s6;
        st[7] = s7;
    }

    /**
     * The box filter along one row, written only at the distinct sampled columns {@code cols[u]}
     * (ascending), into {@code out[first[u]]}. The running sum stops after the last of them.
     */
    static void sampledRow1(float[] in, float[] out, int w, int window, int[] cols, int[] first) {
        int half = (window + 2) / 2;
        int ri = 0;
        int li = 0;
        int oi = 0;
        int size = 0;
        int u = 0;
        int nu = cols.length;
        float s = 0.0f;
        for (int i = 0; i < half - 1; i++) {
            s += in[ri++];
            size++;
        }
        for (int i = 0; i < window - half + 1; i++, oi++) {
            s += in[ri++];
            size++;
            if (u < nu && cols[u] == oi) {
                out[first[u++]] = s / size;
            }
        }
        float d = size;
        float inv = 1.0f / d;
        boolean pow2 = (size & (size - 1)) == 0;
        int end3 = oi + (w - window);
        while (u < nu && cols[u] < end3) {
            int target = cols[u];
            for (; oi <= target; oi++) {
                s += in[ri++];
                s -= in[li++];
            }
            out[first[u++]] = div(s, d, inv, pow2);
        }
        if (u == nu) {
            return;
        }
        for (; oi < end3; oi++) {
            s += in[ri++];
            s -= in[li++];
        }
        for (int i = 0; i < half - 1; i++, oi++) {
            s -= in[li++];
            size--;
            if (u < nu && cols[u] == oi) {
                out[first[u++]] = s / size;
            }
        }
    }

    /** {@link #sampledRow1} for eight rows at once. */
    static void sampledRows8(float[][] in, float[][] out, int w, int window, int[] cols, int[] first) {
        float[] a0 = in[0];
        float[] a1 = in[1];
        float[] a2 = in[2];
        float[] a3 = in[3];
        float[] a4 = in[4];
        float[] a5 = in[5];
        float[] a6 = in[6];
        float[] a7 = in[7];
        int half = (window + 2) / 2;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int ri = 0;
        int li = 0;
        int oi = 0;
        int size = 0;
        int u = 0;
        int nu = cols.length;
        for (int i = 0; i < half - 1; i++, ri++) {
            s0 += a0[ri];
            s1 += a1[ri];
            s2 += a2[ri];
            s3 += a3[ri];
            s4 += a4[ri];
            s5 += a5[ri];
            s6 += a6[ri];
            s7 += a7[ri];
            size++;
        }
        for (int i = 0; i < window - half + 1; i++, ri++, oi++) {
            s0 += a0[ri];
            s1 += a1[ri];
            s2 += a2[ri];
            s3 += a3[ri];
            s4 += a4[ri];
            s5 += a5[ri];
            s6 += a6[ri];
            s7 += a7[ri];
            size++;
            if (u < nu && cols[u] == oi) {
                store8(out, first[u++], size, s0, s1, s2, s3, s4, s5, s6, s7);
            }
        }
        // the middle: output oi = li + lead, entering ri = li + window; run to each sampled column
        int n3 = w - window;
        int lead = oi;
        li = 0;
        if (window == 4 && u < nu && cols[u] - lead < n3) {
            // the common case, with constant offsets (see rows8), as one loop with a rarely taken branch
            int next = cols[u] - lead;
            for (; li < n3; li++) {
                s0 += a0[li + 4];
                s1 += a1[li + 4];
                s2 += a2[li + 4];
                s3 += a3[li + 4];
                s4 += a4[li + 4];
                s5 += a5[li + 4];
                s6 += a6[li + 4];
                s7 += a7[li + 4];
                s0 -= a0[li];
                s1 -= a1[li];
                s2 -= a2[li];
                s3 -= a3[li];
                s4 -= a4[li];
                s5 -= a5[li];
                s6 -= a6[li];
                s7 -= a7[li];
                if (li == next) {
                    store8(out, first[u++], size, s0, s1, s2, s3, s4, s5, s6, s7);
                    if (u == nu) {
                        return;
                    }
                    next = cols[u] - lead;
                }
            }
        }
        while (u < nu && cols[u] - lead < n3) {
            int last = cols[u] - lead;
            for (; li <= last; li++) {
                ri = li + window;
                s0 += a0[ri];
                s1 += a1[ri];
                s2 += a2[ri];
                s3 += a3[ri];
                s4 += a4[ri];
                s5 += a5[ri];
                s6 += a6[ri];
                s7 += a7[ri];
                s0 -= a0[li];
                s1 -= a1[li];
                s2 -= a2[li];
                s3 -= a3[li];
                s4 -= a4[li];
                s5 -= a5[li];
                s6 -= a6[li];
                s7 -= a7[li];
            }
            store8(out, first[u++], size, s0, s1, s2, s3, s4, s5, s6, s7);
        }
        if (u == nu) {
            return;
        }
        for (; li < n3; li++) {
            ri = li + window;
            s0 += a0[ri];
            s1 += a1[ri];
            s2 += a2[ri];
            s3 += a3[ri];
            s4 += a4[ri];
            s5 += a5[ri];
            s6 += a6[ri];
            s7 += a7[ri];
            s0 -= a0[li];
            s1 -= a1[li];
            s2 -= a2[li];
            s3 -= a3[li];
            s4 -= a4[li];
            s5 -= a5[li];
            s6 -= a6[li];
            s7 -= a7[li];
        }
        oi = n3 + lead;
        for (int i = 0; i < half - 1; i++, li++, oi++) {
            s0 -= a0[li];
            s1 -= a1[li];
            s2 -= a2[li];
            s3 -= a3[li];
            s4 -= a4[li];
            s5 -= a5[li];
            s6 -= a6[li];
            s7 -= a7[li];
            size--;
            if (u < nu && cols[u] == oi) {
                store8(out, first[u++], size, s0, s1, s2, s3, s4, s5, s6, s7);
            }
        }
    }

    private static void store8(float[][] out, int j, int size, float s0, float s1, float s2, float s3,
            float s4, float s5, float s6, float s7) {
        float d = size;
        out[0][j] = s0 / d;
        out[1][j] = s1 / d;
        out[2][j] = s2 / d;
        out[3][j] = s3 / d;
        out[4][j] = s4 / d;
        out[5][j] = s5 / d;
        out[6][j] = s6 / d;
        out[7][j] = s7 / d;
    }
}
