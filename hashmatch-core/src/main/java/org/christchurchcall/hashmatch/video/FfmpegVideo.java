package org.christchurchcall.hashmatch.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.christchurchcall.hashmatch.video.VideoRejectedException.Reason;

/**
 * Decodes a video's first video stream with the FFmpeg command-line tools, as separate
 * processes: {@code ffprobe} reads the stream's header, {@code ffmpeg} pipes raw frames on its
 * standard output. A separate process is the isolation boundary for untrusted files: it runs
 * under {@code prlimit} CPU-time and address-space limits when {@link FfmpegOptions} sets them,
 * and is killed (with its children) when the wall-clock timeout passes or the caller stops reading.
 *
 * <p>Frames arrive in decoder output order with nothing dropped or duplicated
 * ({@code -fps_mode passthrough}), which is how the reference counts frames, and as coded: a
 * rotation in the container ({@code -noautorotate}) is ignored, as the reference ignores it. A file
 * whose demuxer reports that it ends early (an MP4 whose sample tables point past its end, a
 * Matroska file that ends mid-element) is refused as {@link Reason#UNREADABLE}, although FFmpeg
 * decodes what is there and exits cleanly. Two pixel layouts:
 * <ul>
 *   <li>{@link Layout#YUV420P}: the decoded planes unchanged, for 8-bit yuv420p streams of even
 *       size at native resolution (nearly every H.264 video); converted in Java exactly as
 *       swscale's C converter does ({@code SwscaleYuv420});
 *   <li>{@link Layout#RGB24}: anything else, converted by FFmpeg: with {@code -cpuflags 0}
 *       (swscale's C code, the reference's pixels) at native size, with {@code flags=area} when
 *       resized to N x N as the reference's {@code -s N} does. The BT.601 matrix and the range of
 *       the pixel format are forced, because the reference ignores colour tags.
 * </ul>
 */
public final class FfmpegVideo {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ffmpeg-watchdog");
        t.setDaemon(true);
        return t;
    });

    private static final int STDERR_KEEP = 4096;

    private FfmpegVideo() {
    }

    /** What {@code ffprobe} says about the first video stream. */
    public record StreamInfo(String codec, int width, int height, String pixelFormat, double frameRate,
            double durationSeconds, long frameCountHint) {
    }

    public enum Layout { YUV420P, RGB24 }

    // ------------------------------------------------------------------ probe

    public static StreamInfo probe(Path file, FfmpegOptions o) throws IOException, VideoRejectedException {
        List<String> cmd = List.of(o.ffprobe(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,width,height,pix_fmt,avg_frame_rate,r_frame_rate,nb_frames,duration:format=duration",
                "-of", "flat", "--", file.toString());
        Running p = start(cmd, o);
        String out;
        try (p) {
            out = new String(p.read(in -> in.readNBytes(64 * 1024)), StandardCharsets.UTF_8);
            int exit = p.waitForExit();
            if (p.killedByWatchdog || exit == 137 || exit == 152) {
                throw new VideoRejectedException(Reason.RESOURCE_LIMIT, "reading the video's header took too long");
            }
            p.failIfNotStarted(exit);
            if (exit != 0) {
                throw new VideoRejectedException(Reason.UNREADABLE, "not a video FFmpeg can read: " + p.stderrTail());
            }
        }
        Map<String, String> kv = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String v = line.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                kv.put(line.substring(0, eq).trim(), v);
            }
        }
        String s = "streams.stream.0.";
        if (!kv.containsKey(s + "width")) {
            throw new VideoRejectedException(Reason.UNREADABLE, "the file has no video stream");
        }
        int width = parseInt(kv.get(s + "width"));
        int height = parseInt(kv.get(s + "height"));
        if (width <= 0 || height <= 0) {
            throw new VideoRejectedException(Reason.UNREADABLE, "the video stream has no frame size");
        }
        double rate = rate(kv.get(s + "avg_frame_rate"));
        if (!(rate > 0)) {
            rate = rate(kv.get(s + "r_frame_rate"));
        }
        if (!(rate > 0) || rate > 1000) {
            throw new VideoRejectedException(Reason.UNREADABLE, "the video stream has no usable frame rate");
        }
        double duration = parseDouble(kv.get(s + "duration"));
        if (!(duration > 0)) {
            duration = parseDouble(kv.get("format.duration"));
        }
        StreamInfo info = new StreamInfo(kv.getOrDefault(s + "codec_name", "unknown"), width, height,
                kv.getOrDefault(s + "pix_fmt", "unknown"), rate, duration > 0 ? duration : Double.NaN,
                Math.max(0, parseLong(kv.get(s + "nb_frames"))));
        checkHeader(info, o);
        return info;
    }

    private static void checkHeader(StreamInfo info, FfmpegOptions o) throws VideoRejectedException {
        if (info.width() > o.maxWidth() || info.height() > o.maxHeight()) {
            throw new VideoRejectedException(Reason.TOO_LARGE_FRAME, "frames of " + info.width() + "x" + info.height()
                    + " are larger than the " + o.maxWidth() + "x" + o.maxHeight() + " allowed");
        }
        if ((long) info.width() * info.height() > o.maxPixels()) {
            throw new VideoRejectedException(Reason.TOO_LARGE_FRAME, "frames of " + info.width() + "x" + info.height()
                    + " have more than the " + o.maxPixels() + " pixels allowed");
        }
        if (info.durationSeconds() > o.maxDurationSeconds()) {
            throw new VideoRejectedException(Reason.TOO_LONG, String.format(Locale.ROOT,
                    "the video lasts %.1f s, longer than the %.0f s allowed", info.durationSeconds(), o.maxDurationSeconds()));
        }
        if (info.frameCountHint() > o.maxFrames()) {
            throw new VideoRejectedException(Reason.TOO_MANY_FRAMES, "the video has " + info.frameCountHint()
                    + " frames, more than the " + o.maxFrames() + " allowed");
        }
    }

    private static double rate(String fraction) {
        if (fraction == null) {
            return Double.NaN;
        }
        int slash = fraction.indexOf('/');
        if (slash < 0) {
            return parseDouble(fraction);
        }
        long num = parseLong(fraction.substring(0, slash));
        long den = parseLong(fraction.substring(slash + 1));
        return num > 0 && den > 0 ? (double) num / den : Double.NaN;
    }

    private static int parseInt(String s) {
        long v = parseLong(s);
        return v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? -1 : (int) v;
    }

    private static long parseLong(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double parseDouble(String s) {
        try {
            return s == null ? Double.NaN : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    // ------------------------------------------------------------------ frames

    /**
     * Starts decoding. Only frames whose number is a multiple of {@code frameMod} are piped (an
     * FFmpeg {@code select} filter drops the rest before conversion); {@code downsample} 0 keeps
     * the native size, N > 0 resizes to N x N. Frame number {@code maxFrames} is piped too, so
     * that a stream with more frames than allowed is seen to have them even when the frames past
     * the limit are not sampled: {@link Frames#next} then refuses it.
     */
    public static Frames open(Path file, StreamInfo info, FfmpegOptions o, int frameMod, int downsample)
            throws IOException {
        if (frameMod < 1 || downsample < 0) {
            throw new IllegalArgumentException("frameMod must be >= 1 and downsample >= 0");
        }
        boolean yuv = downsample == 0 && "yuv420p".equals(info.pixelFormat())
                && (info.width() & 1) == 0 && (info.height() & 1) == 0;
        int w = downsample > 0 ? downsample : info.width();
        int h = downsample > 0 ? downsample : info.height();
        List<String> cmd = new ArrayList<>(List.of(o.ffmpeg(), "-nostdin", "-hide_banner", "-loglevel", "error"));
        if (!yuv && downsample == 0) {
            cmd.addAll(List.of("-cpuflags", "0"));
        }
        // the reference decodes the frames as coded: a display rotation in the container is not applied
        cmd.addAll(List.of("-threads", Integer.toString(o.threads()), "-noautorotate", "-i", file.toString(),
                "-map", "0:v:0", "-fps_mode", "passthrough", "-an", "-sn", "-dn"));
        List<String> filters = new ArrayList<>();
        if (frameMod > 1) {
            String over = o.maxFrames() < Integer.MAX_VALUE ? "+eq(n\\," + o.maxFrames() + ")" : "";
            filters.add("select=not(mod(n\\," + frameMod + "))" + over);
        }
        String range = info.pixelFormat().startsWith("yuvj") ? "pc" : "tv";
        if (yuv) {
            // a no-op at the header's size; it only guards against frames of another size than the header says
            filters.add("scale=" + w + ":" + h);
        } else {
            filters.add("scale=" + w + ":" + h + (downsample > 0 ? ":flags=area" : "")
                    + ":in_color_matrix=bt601:in_range=" + range);
        }
        cmd.addAll(List.of("-vf", String.join(",", filters), "-f", "rawvideo", "-pix_fmt", yuv ? "yuv420p" : "rgb24",
                "pipe:1"));
        return new Frames(start(cmd, o), yuv ? Layout.YUV420P : Layout.RGB24, w, h, frameMod, o.maxFrames());
    }

    /** Raw frames from a running {@code ffmpeg}; not thread-safe. */
    public static final class Frames implements AutoCloseable {
        private final Running running;
        private final Layout layout;
        private final int width;
        private final int height;
        private final int frameSize;
        private final int frameMod;
        private final long maxFrames;
        private int count;

        Frames(Running running, Layout layout, int width, int height, int frameMod, long maxFrames) {
            this.running = running;
            this.layout = layout;
            this.width = width;
            this.height = height;
            this.frameSize = layout == Layout.YUV420P ? width * height + 2 * (width / 2) * (height / 2)
                    : width * height * 3;
            this.frameMod = frameMod;
            this.maxFrames = maxFrames;
        }

        public Layout layout() {
            return layout;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        public int frameSize() {
            return frameSize;
        }

        /** The decoder-order number of the frame the last successful {@link #next} read. */
        public int frameNumber() {
            return (count - 1) * frameMod;
        }

        /**
         * Reads the next frame into {@code frame} ({@link #frameSize} bytes). Returns false at the
         * end of the stream, after checking that FFmpeg finished cleanly and the file was whole.
         * A frame past {@code maxFrames} is refused as {@link Reason#TOO_MANY_FRAMES}.
         */
        public boolean next(byte[] frame) throws IOException, VideoRejectedException {
            int n = running.read(s -> s.readNBytes(frame, 0, frameSize));
            if (n == frameSize) {
                count++;
                // the piped frame past the last sampled one below the limit is frame maxFrames itself
                if ((long) (count - 1) * frameMod >= maxFrames) {
                    throw new VideoRejectedException(Reason.TOO_MANY_FRAMES,
                            "the video has more than the " + maxFrames + " frames allowed");
                }
                return true;
            }
            int exit = running.waitForExit();
            if (running.killedByWatchdog || exit == 137 || exit == 152
                    || running.stderrTail().contains("Cannot allocate memory")) {
                throw new VideoRejectedException(Reason.RESOURCE_LIMIT,
                        "decoding the video went over its time, CPU or memory limit");
            }
            running.failIfNotStarted(exit);
            if (exit != 0) {
                throw new VideoRejectedException(Reason.UNREADABLE, "FFmpeg could not decode the video: "
                        + running.stderrTail());
            }
            if (running.truncated) {
                throw new VideoRejectedException(Reason.UNREADABLE, "the file is truncated: it ends before the "
                        + "frames its container lists");
            }
            if (count == 0) {
                throw new VideoRejectedException(Reason.UNREADABLE, "the video has no decodable frames");
            }
            return false;
        }

        @Override
        public void close() {
            running.close();
        }
    }

    // ------------------------------------------------------------------ processes

    private static Running start(List<String> cmd, FfmpegOptions o) throws IOException {
        List<String> full = new ArrayList<>();
        if (o.cpuSeconds() > 0 || o.memoryBytes() > 0) {
            full.add("prlimit");
            if (o.cpuSeconds() > 0) {
                full.add("--cpu=" + o.cpuSeconds());
            }
            if (o.memoryBytes() > 0) {
                full.add("--as=" + o.memoryBytes());
            }
            full.add("--");
        }
        full.addAll(cmd);
        ProcessBuilder pb = new ProcessBuilder(full);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // FFmpeg gets nothing of the service's environment (database passwords, signing keys, tokens
        // a platform injects): only the PATH it is found through
        Map<String, String> env = pb.environment();
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        return new Running(pb.start(), o);
    }

    /**
     * What FFmpeg 5.1's demuxers log when a file ends before its container says it does: mov/mp4
     * ("stream 0, offset 0x...: partial file") and Matroska/WebM. FFmpeg still exits 0 after
     * decoding what is there.
     */
    static final List<String> TRUNCATION_MARKERS = List.of(": partial file", "File ended prematurely");

    /** A child process with its stderr drained into a bounded tail and a watchdog for the timeout. */
    static final class Running implements AutoCloseable {
        final Process process;
        private final ScheduledFuture<?> watchdog;
        private final Thread stderrReader;
        private final byte[] tail = new byte[STDERR_KEEP];
        private int tailLength;
        private final StringBuilder line = new StringBuilder();
        volatile boolean killedByWatchdog;
        volatile boolean truncated;

        Running(Process process, FfmpegOptions o) {
            this.process = process;
            this.watchdog = WATCHDOG.schedule(() -> {
                killedByWatchdog = true;
                kill();
            }, o.timeout().toMillis(), TimeUnit.MILLISECONDS);
            this.stderrReader = Thread.ofVirtual().start(this::drainStderr);
        }

        private void drainStderr() {
            byte[] buf = new byte[1024];
            try (InputStream err = process.getErrorStream()) {
                int n;
                while ((n = err.read(buf)) > 0) {
                    scanLines(buf, n);
                    synchronized (tail) {
                        if (n >= STDERR_KEEP) {
                            System.arraycopy(buf, n - STDERR_KEEP, tail, 0, STDERR_KEEP);
                            tailLength = STDERR_KEEP;
                        } else {
                            int keep = Math.min(tailLength, STDERR_KEEP - n);
                            System.arraycopy(tail, tailLength - keep, tail, 0, keep);
                            System.arraycopy(buf, 0, tail, keep, n);
                            tailLength = keep + n;
                        }
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
        }

        interface Read<T> {
            T from(InputStream in) throws IOException;
        }

        /**
         * Reads the process's standard output. Killing the process (the watchdog) closes that
         * stream under a reader, who then gets "Stream closed": that is the time limit, not an
         * I/O failure.
         */
        <T> T read(Read<T> how) throws IOException, VideoRejectedException {
            try {
                return how.from(process.getInputStream());
            } catch (IOException e) {
                if (killedByWatchdog) {
                    throw new VideoRejectedException(Reason.RESOURCE_LIMIT,
                            "decoding the video went over its time, CPU or memory limit");
                }
                throw e;
            }
        }

        /** Looks for the truncation markers line by line (a line is kept up to 1 KiB). */
        private void scanLines(byte[] buf, int n) {
            for (int i = 0; i < n; i++) {
                char c = (char) (buf[i] & 0xff);
                if (c == '\n' || c == '\r') {
                    String l = line.toString();
                    for (String marker : TRUNCATION_MARKERS) {
                        if (l.contains(marker)) {
                            truncated = true;
                        }
                    }
                    line.setLength(0);
                } else if (line.length() < 1024) {
                    line.append(c);
                }
            }
        }

        /**
         * Exit 126/127 with the loader's message: the executable was not found or could not load
         * its libraries (an address-space limit too low for them). A fault of the deployment, not
         * of the video.
         */
        void failIfNotStarted(int exit) throws IOException {
            if (exit == 126 || exit == 127) {
                throw new IOException("FFmpeg could not start (exit " + exit + "): " + stderrTail()
                        + "; check the executable and that the memory limit leaves room for its libraries");
            }
        }

        String stderrTail() {
            try {
                stderrReader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (tail) {
                String s = new String(tail, 0, tailLength, StandardCharsets.UTF_8).strip();
                int nl = s.lastIndexOf('\n');
                return nl >= 0 && s.length() - nl > 20 ? s.substring(nl + 1) : s.replace('\n', ' ');
            }
        }

        int waitForExit() throws IOException {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IOException("interrupted while FFmpeg ran", e);
            }
        }

        private void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        @Override
        public void close() {
            watchdog.cancel(false);
            if (process.isAlive()) {
                kill();
            }
            try {
                process.getInputStream().close();
            } catch (IOException e) {
                // nothing left to read
            }
        }
    }
}
