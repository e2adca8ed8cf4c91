package org.christchurchcall.hashmatch.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PdqHasherTest {

    private final PdqHasher hasher = new PdqHasher();
    private final ImageDecoding decoding = new ImageDecoding();

    static Stream<String[]> expectedRows() throws Exception {
        return ReferenceImages.rows("expected-public.csv").stream();
    }

    private BufferedImage image(String name) throws Exception {
        return decoding.read(ReferenceImages.images().resolve(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedRows")
    void matchesTheReferenceHasherBitForBit(String file, String hex, String quality) throws Exception {
        PdqResult r = hasher.hash(image(file));
        assertEquals(hex, r.hash().toHex(), file);
        assertEquals(Integer.parseInt(quality), r.quality(), file);
    }

    static Stream<String[]> allReferenceRows() throws Exception {
        return ReferenceImages.resourceRows("reference-all.csv").stream();
    }

    /**
     * All 43 generated images, not only the 12 published rows: hashes and qualities printed by the
     * reference tool built on this machine (see the header of {@code pdq/reference-all.csv}),
     * including the near-flat images whose bits depend on float rounding.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allReferenceRows")
    void matchesTheReferenceOnEveryGeneratedImage(String file, String hex, String quality) throws Exception {
        PdqResult r = hasher.hash(image(file));
        assertEquals(hex, r.hash().toHex(), file);
        assertEquals(Integer.parseInt(quality), r.quality(), file);
    }

    @Test
    void dihedralHashesMatchTheReferenceOnEveryGeneratedImage() throws Exception {
        List<String[]> rows = ReferenceImages.resourceRows("reference-dihedral-all.csv");
        assertEquals(43, rows.size());
        for (String[] row : rows) {
            PdqDihedral d = hasher.dihedral(image(row[0]));
            List<PdqHash> hashes = d.hashes();
            for (int i = 0; i < 8; i++) {
                assertEquals(row[1 + i], hashes.get(i).toHex(), row[0] + " variant " + i);
            }
            assertEquals(Integer.parseInt(row[9]), d.quality(), row[0]);
        }
    }

    /**
     * A premultiplied-alpha image (as Java2D code may hand over) is hashed from its straight
     * colours, as {@link BufferedImage#getRGB} gives them, not from the premultiplied bytes.
     */
    @Test
    void premultipliedImagesAreHashedFromTheirStraightColours() {
        SplittableRandom rnd = new SplittableRandom(5);
        int w = 96;
        int h = 80;
        BufferedImage pre = new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR_PRE);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int alpha = 40 + (x * 7 + y * 3) % 200;
                int rgb = ((x * 5 + y) & 0xFF) << 16 | ((y * 9) & 0xFF) << 8 | rnd.nextInt(256);
                pre.setRGB(x, y, alpha << 24 | rgb);
            }
        }
        BufferedImage straight = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        straight.setRGB(0, 0, w, h, pre.getRGB(0, 0, w, h, null, 0, w), 0, w);
        assertEquals(hasher.hash(straight), hasher.hash(pre));
    }

    @Test
    void dihedralHashesMatchTheReferenceAcrossOrder() throws Exception {
        for (String[] row : ReferenceImages.rows("expected-dihedral-public.csv")) {
            PdqDihedral d = hasher.dihedral(image(row[0]));
            List<PdqHash> hashes = d.hashes();
            for (int i = 0; i < 8; i++) {
                assertEquals(row[1 + i], hashes.get(i).toHex(), row[0] + " variant " + i);
            }
            assertEquals(Integer.parseInt(row[9]), d.quality());
            assertEquals(hashes.get(0), hasher.hash(image(row[0])).hash());
        }
    }

    /** The fast paths (raw RGB bytes, float luma) agree with the BufferedImage path on every image. */
    @Test
    void rawArrayFastPathsAgreeWithImagePath() throws Exception {
        try (Stream<Path> files = Files.list(ReferenceImages.images())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                BufferedImage img = decoding.read(f);
                int w = img.getWidth();
                int h = img.getHeight();
                byte[] rgb = new byte[3 * w * h];
                float[] luma = new float[w * h];
                int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int i = y * w + x;
                        int p = argb[i];
                        rgb[3 * i] = (byte) (p >>> 16);
                        rgb[3 * i + 1] = (byte) (p >>> 8);
                        rgb[3 * i + 2] = (byte) p;
                        luma[i] = 0.299f * ((p >>> 16) & 0xFF) + 0.587f * ((p >>> 8) & 0xFF) + 0.114f * (p & 0xFF);
                    }
                }
                PdqResult expected = hasher.hash(img);
                assertEquals(expected, hasher.hashRgb(rgb, w, h), f.toString());
                assertEquals(expected, hasher.hashLuma(luma, w, h), f.toString());
                assertEquals(hasher.dihedral(img), hasher.dihedralRgb(rgb, w, h), f.toString());
                BufferedImage intRgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                intRgb.setRGB(0, 0, w, h, argb, 0, w);
                assertEquals(expected, hasher.hash(intRgb), f.toString());
            }
        }
    }

    // ------------------------------------------------------------------ dihedral consistency

    private interface PixelMap {
        int[] src(int x, int y, int w, int h);
    }

    /** Applies a geometric transform; {@code swap} when the output is h x w. */
    private static BufferedImage transform(BufferedImage in, boolean swap, PixelMap map) {
        int w = in.getWidth();
        int h = in.getHeight();
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int[] s = map.src(x, y, w, h);
                out.setRGB(x, y, in.getRGB(s[0], s[1]));
            }
        }
        return out;
    }

    /**
     * Hashing a rotated or mirrored image gives (within a few bits of sampling-grid asymmetry)
     * the matching dihedral variant of the original, and is far from the other seven.
     */
    @Test
    void hashOfTransformedImageIsTheCorrespondingDihedralVariant() throws Exception {
        BufferedImage base = image("var_base_512x384.png");
        List<PdqHash> variants = hasher.dihedral(base).hashes();
        List<BufferedImage> transformed = List.of(
                base,
                // rot90 counter-clockwise: output (x, y) comes from (w - 1 - y, x)
                transform(base, true, (x, y, w, h) -> new int[] {w - 1 - y, x}),
                transform(base, false, (x, y, w, h) -> new int[] {w - 1 - x, h - 1 - y}),
                transform(base, true, (x, y, w, h) -> new int[] {y, h - 1 - x}),
                // flipX mirrors top to bottom, flipY left to right
                transform(base, false, (x, y, w, h) -> new int[] {x, h - 1 - y}),
                transform(base, false, (x, y, w, h) -> new int[] {w - 1 - x, y}),
                // flipPlus: transpose; flipMinus: anti-transpose
                transform(base, true, (x, y, w, h) -> new int[] {y, x}),
                transform(base, true, (x, y, w, h) -> new int[] {w - 1 - y, h - 1 - x}));
        for (int t = 0; t < 8; t++) {
            PdqHash h = hasher.hash(transformed.get(t)).hash();
            for (int v = 0; v < 8; v++) {
                int d = h.distance(variants.get(v));
                if (v == t) {
                    assertTrue(d <= 24, "transform " + t + " is " + d + " bits from its variant");
                } else {
                    assertTrue(d >= 64, "transform " + t + " is only " + d + " bits from variant " + v);
                }
            }
        }
        // the transposed image has exactly the same sampling grid, so it is bit-exact
        assertEquals(variants.get(6), hasher.hash(transformed.get(6)).hash());
    }

    // ------------------------------------------------------------------ edge sizes

    private static BufferedImage noise(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        return img;
    }

    @Test
    void imagesUnderFivePixelsHashToZeroWithQualityZero() {
        for (int[] size : new int[][] {{4, 4}, {4, 100}, {100, 4}, {1, 1}, {1, 400}}) {
            PdqResult r = hasher.hash(noise(size[0], size[1], 1));
            assertEquals(new PdqResult(PdqHash.zero(), 0), r, size[0] + "x" + size[1]);
            assertTrue(hasher.dihedral(noise(size[0], size[1], 1)).hashes().stream().allMatch(PdqHash.zero()::equals));
        }
    }

    @Test
    void fivePixelsIsHashable() {
        PdqResult r = hasher.hash(noise(5, 5, 2));
        assertNotEquals(PdqHash.zero(), r.hash());
        assertEquals(128, r.hash().bitCount(), "half the coefficients are above the median");
        assertEquals(PdqHash.zero(), hasher.hash(noise(5, 4, 2)).hash());
    }

    /** Over 512 px, the image is first resized to 512x512 by nearest neighbour (floor(dst * src / 512)). */
    @Test
    void largeImagesAreResizedTo512ByNearestNeighbour() {
        BufferedImage small = noise(512, 512, 3);
        // 1024x1024 made of 2x2 blocks: nearest neighbour picks exactly the original pixels
        BufferedImage big = transformScale(small, 1024, 1024);
        assertEquals(hasher.hash(small), hasher.hash(big));

        // a 1 x 1000 strip is over 512 tall, so it becomes 512x512 and is hashed, not zeroed
        BufferedImage strip = noise(1, 1000, 4);
        BufferedImage expected = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                expected.setRGB(x, y, strip.getRGB(0, (int) ((long) y * 1000 / 512)));
            }
        }
        PdqResult r = hasher.hash(strip);
        assertEquals(hasher.hash(expected), r);
        assertNotEquals(PdqHash.zero(), r.hash());
    }

    private static BufferedImage transformScale(BufferedImage in, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, in.getRGB(x * in.getWidth() / w, y * in.getHeight() / h));
            }
        }
        return out;
    }

    @Test
    void exactly64x64SkipsTheBlurButDihedralDoesNot() throws Exception {
        BufferedImage img = image("exact_64x64.png");
        PdqResult r = hasher.hash(img);
        assertEquals("871e39f0f638c70b39ee0af4c273388efc13e4433b8c48a1f06b370e6cf607f0", r.hash().toHex());
        // the reference's dihedral path always filters (window 1 still rounds); quality is equal
        assertEquals(r.quality(), hasher.dihedral(img).quality());
        assertTrue(r.hash().distance(hasher.dihedral(img).original()) <= 8);
    }

    @Test
    void flatImageHasQualityZero() throws Exception {
        assertEquals(0, hasher.hash(image("flat_gray_128x128.png")).quality());
    }

    @Test
    void rejectsArraysOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> hasher.hashRgb(new byte[10], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> hasher.hashLuma(new float[10], 0, 10));
    }
}
