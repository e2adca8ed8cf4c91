package org.christchurchcall.hashmatch.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimised blur-and-decimate gives bit-for-bit the floats of a plain transcription of the
 * reference (whole-image box passes, one running sum per line, then decimation), for all shapes.
 */
class DownsampleTest {

    /** Plain version: every pass over every pixel, in the reference's order. */
    static float[] plain(float[] luma, int w, int h) {
        float[] a = luma.clone();
        float[] b = new float[w * h];
        int wr = (w + 127) / 128;
        int wc = (h + 127) / 128;
        for (int pass = 0; pass < 2; pass++) {
            for (int y = 0; y < h; y++) {
                box(a, b, y * w, 1, w, wr);
            }
            for (int x = 0; x < w; x++) {
                box(b, a, x, w, h, wc);
            }
        }
        float[] out = new float[4096];
        for (int i = 0; i < 64; i++) {
            int ini = (int) (((i + 0.5) * h) / 64);
            for (int j = 0; j < 64; j++) {
                int inj = (int) (((j + 0.5) * w) / 64);
                out[i * 64 + j] = a[ini * w + inj];
            }
        }
        return out;
    }

    private static void box(float[] in, float[] out, int start, int stride, int len, int window) {
        int half = (window + 2) / 2;
        int li = start;
        int ri = start;
        int oi = start;
        float sum = 0.0f;
        int size = 0;
        for (int i = 0; i < half - 1; i++) {
            sum += in[ri];
            size++;
            ri += stride;
        }
        for (int i = 0; i < window - half + 1; i++) {
            sum += in[ri];
            size++;
            out[oi] = sum / size;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < len - window; i++) {
            sum += in[ri];
            sum -= in[li];
            out[oi] = sum / size;
            li += stride;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < half - 1; i++) {
            sum -= in[li];
            size--;
            out[oi] = sum / size;
            li += stride;
            oi += stride;
        }
    }

    @Test
    void optimisedDownsampleIsBitExactForAllShapes() {
        SplittableRandom rnd = new SplittableRandom(42);
        int[] dims = {5, 6, 7, 8, 9, 13, 31, 63, 64, 65, 100, 127, 128, 129, 200, 255, 256, 257, 384, 385, 500, 511, 512};
        for (int w : dims) {
            for (int h : dims) {
                if ((w + h) % 3 != 0 && w != h && w != 5 && h != 512) {
                    continue; // a spread of shapes, not all 529
                }
                float[] luma = new float[w * h];
                for (int i = 0; i < luma.length; i++) {
                    luma[i] = 0.299f * rnd.nextInt(256) + 0.587f * rnd.nextInt(256) + 0.114f * rnd.nextInt(256);
                }
                float[] expected = plain(luma, w, h);
                float[] got = PdqHasher.downsample(luma.clone(), w, h);
                for (int k = 0; k < 4096; k++) {
                    assertEquals(Float.floatToRawIntBits(expected[k]), Float.floatToRawIntBits(got[k]),
                            w + "x" + h + " at " + k);
                }
            }
        }
    }
}
