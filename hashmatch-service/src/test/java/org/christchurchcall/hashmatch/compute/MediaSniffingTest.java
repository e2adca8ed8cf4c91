package org.christchurchcall.hashmatch.compute;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which first bytes make a video: containers written by FFmpeg, and the images and audio that are not. */
class MediaSniffingTest {

    @TempDir
    static Path dir;

    static boolean sniff(byte[] file) {
        byte[] head = Arrays.copyOf(file, Math.min(file.length, MediaSniffing.SNIFF_BYTES));
        return MediaSniffing.isVideo(head, head.length);
    }

    static byte[] made(String name, String... codecArgs) {
        String[] args = new String[4 + codecArgs.length];
        args[0] = "-f";
        args[1] = "lavfi";
        args[2] = "-i";
        args[3] = name.endsWith(".m4a") || name.endsWith(".ogg") ? "sine=d=0.2" : "testsrc2=s=64x64:r=10:d=0.3";
        System.arraycopy(codecArgs, 0, args, 4, codecArgs.length);
        return VideoFiles.bytes(VideoFiles.ffmpeg(dir.resolve(name), args));
    }

    @ParameterizedTest
    @CsvSource({ "a.mp4,libx264", "a.mov,libx264", "a.3gp,libx264", "a.mkv,libx264", "a.webm,libvpx-vp9", "a.avi,mpeg4",
        "a.flv,flv", "a.ts,mpeg2video", "a.mpg,mpeg2video", "a.wmv,wmv2" })
    void containersFfmpegWritesAreVideos(String name, String codec) {
        assertTrue(sniff(made(name, "-c:v", codec)), name);
    }

    @Test
    void imagesAudioAndTextAreNot() {
        assertFalse(sniff(made("a.png", "-frames:v", "1")));
        assertFalse(sniff(made("a.jpg", "-frames:v", "1")));
        assertFalse(sniff(made("a.gif")));
        assertFalse(sniff(made("a.m4a", "-c:a", "aac")), "AAC in MP4 with the M4A brand is audio");
        assertFalse(sniff(made("a.ogg", "-c:a", "libvorbis")));
        assertFalse(sniff("%PDF-1.4 a manifesto".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(sniff(new byte[0]));
        byte[] heic = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e',
            'i', 'c' };
        assertFalse(sniff(heic), "HEIF is a still image");
        byte[] avif = heic.clone();
        System.arraycopy("avif".getBytes(StandardCharsets.US_ASCII), 0, avif, 8, 4);
        assertFalse(sniff(avif), "AVIF is a still image");
    }

    @Test
    void whatTheClientDeclares() {
        assertTrue(MediaSniffing.declaresVideo("video/mp4", null));
        assertTrue(MediaSniffing.declaresVideo(" Video/QuickTime; codecs=x", null));
        assertTrue(MediaSniffing.declaresVideo("application/octet-stream", "Clip.MOV"));
        assertTrue(MediaSniffing.declaresVideo(null, "a.webm"));
        assertFalse(MediaSniffing.declaresVideo("image/png", "a.png"));
        assertFalse(MediaSniffing.declaresVideo("application/octet-stream", "mp4"));
        assertFalse(MediaSniffing.declaresVideo(null, null));
    }
}
