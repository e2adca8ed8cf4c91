package org.christchurchcall.bench.pdq;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes structured test photos for {@code PdqBench}: {@code BenchImages OUTDIR [COUNT]} makes
 * OUTDIR/512x512 and OUTDIR/1024x768, COUNT deflate-compressed 8-bit RGB PNGs each (default 20):
 * smooth gradients, overlapping discs and rectangles, and mild noise, like a photo's mix of flat
 * areas, edges and texture (pure noise would make PNG decoding unrealistically slow, flat colour
 * unrealistically fast).
 */
public final class BenchImages {

    private BenchImages() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BenchImages OUTDIR [COUNT]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        for (int[] size : new int[][] {{512, 512}, {1024, 768}}) {
            Path dir = out.resolve(size[0] + "x" + size[1]);
            Files.createDirectories(dir);
            for (int i = 0; i < count; i++) {
                BufferedImage img = render(size[0], size[1], new SplittableRandom(1000L * size[0] + i));
                ImageIO.write(img, "png", dir.resolve(String.format("img_%03d.png", i)).toFile());
            }
        }
    }

    static BufferedImage render(int w, int h, SplittableRandom rnd) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        int shapes = 12 + rnd.nextInt(20);
        int[][] s = new int[shapes][8];
        for (int[] sh : s) {
            sh[0] = rnd.nextInt(2); // disc or rectangle
            sh[1] = rnd.nextInt(w);
            sh[2] = rnd.nextInt(h);
            sh[3] = 10 + rnd.nextInt(Math.max(11, w / 4));
            sh[4] = 10 + rnd.nextInt(Math.max(11, h / 4));
            sh[5] = rnd.nextInt(256);
            sh[6] = rnd.nextInt(256);
            sh[7] = rnd.nextInt(256);
        }
        int gx = rnd.nextInt(3) + 1;
        int gy = rnd.nextInt(3) + 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 255 / w) * gx / 3;
                int g = (y * 255 / h) * gy / 3;
                int b = ((x + y) * 255 / (w + h));
                for (int[] sh : s) {
                    boolean in = sh[0] == 0
                            ? sq(x - sh[1]) * (long) sq(sh[4]) + sq(y - sh[2]) * (long) sq(sh[3]) <= (long) sq(sh[3]) * sq(sh[4])
                            : Math.abs(x - sh[1]) <= sh[3] && Math.abs(y - sh[2]) <= sh[4];
                    if (in) {
                        r = (r + sh[5]) >> 1;
                        g = (g + sh[6]) >> 1;
                        b = (b + sh[7]) >> 1;
                    }
                }
                int n = rnd.nextInt(9) - 4;
                img.setRGB(x, y, (clamp(r + n) << 16) | (clamp(g + n) << 8) | clamp(b + n));
            }
        }
        return img;
    }

    private static int sq(int v) {
        return v * v;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
