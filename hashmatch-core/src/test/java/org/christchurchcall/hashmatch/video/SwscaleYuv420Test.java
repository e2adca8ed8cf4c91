package org.christchurchcall.hashmatch.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.christchurchcall.hashmatch.pdq.SwscaleYuv420;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The decoded frames and their RGB, checked frame by frame against the MD5s FFmpeg 5.1.9 printed
 * ({@code framemd5/X.yuv420p.framemd5} and {@code framemd5/X.rgb24-c.framemd5}, the latter from
 * swscale's C converter): the decoder is the reference's, and the Java port of the converter
 * gives exactly its bytes, before any hashing.
 */
class SwscaleYuv420Test {

    @ParameterizedTest
    @CsvSource({
        "chair-19-sd-bar, 0",            // 480x720, every frame
        "doorknob-hd-no-bar, 0",         // 1280x720, every frame
        "test-padded-dimensions, 0",     // 1080x1080, High profile, every frame
        "pattern-hd-no-bar, 40",         // 720x1280
        "chair-22-sd-sepia-bar, 40",
        "pattern-sd-with-large-logo-bar, 40",
    })
    void decodedFramesAndTheirRgbHaveTheReferenceMd5s(String name, int limit) throws Exception {
        Path video = VpdqData.video(name);
        List<String> yuvMd5 = FrameMd5.read(VpdqData.dir().resolve("framemd5/" + name + ".yuv420p.framemd5"));
        List<String> rgbMd5 = FrameMd5.read(VpdqData.dir().resolve("framemd5/" + name + ".rgb24-c.framemd5"));
        FfmpegVideo.StreamInfo info = FfmpegVideo.probe(video, FfmpegOptions.local());
        int frames = limit == 0 ? yuvMd5.size() : limit;
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        HexFormat hex = HexFormat.of();
        try (FfmpegVideo.Frames f = FfmpegVideo.open(video, info, FfmpegOptions.local(), 1, 0)) {
            assertEquals(FfmpegVideo.Layout.YUV420P, f.layout());
            byte[] yuv = new byte[f.frameSize()];
            byte[] rgb = new byte[f.width() * f.height() * 3];
            int n = 0;
            while (n < frames && f.next(yuv)) {
                assertEquals(yuvMd5.get(n), hex.formatHex(md5.digest(yuv)), name + " decoded frame " + n);
                SwscaleYuv420.toRgb24(yuv, f.width(), f.height(), rgb);
                assertEquals(rgbMd5.get(n), hex.formatHex(md5.digest(rgb)), name + " RGB of frame " + n);
                n++;
            }
            assertEquals(frames, n, "frames decoded");
        }
        assertEquals(yuvMd5.size(), rgbMd5.size());
    }

    @Test
    void oddSizesAndWrongLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SwscaleYuv420.frameSize(5, 4));
        assertThrows(IllegalArgumentException.class,
                () -> SwscaleYuv420.toRgb24(new byte[10], 4, 4, new byte[48]));
    }
}
