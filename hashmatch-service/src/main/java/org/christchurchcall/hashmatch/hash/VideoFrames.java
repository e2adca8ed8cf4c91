package org.christchurchcall.hashmatch.hash;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.hashmatch.video.VpdqLines;

/**
 * A vpdq record's frames as stored: one fixed-width {@code bytea} per record in
 * {@code video_frames.frames}, {@value #FRAME_BYTES} bytes a frame (frame number int32, quality
 * uint8, timestamp in milliseconds int32, the PDQ hash as four big-endian int64). Fixed width lets
 * a page of frames be read with {@code substring} (the column is stored uncompressed, so
 * PostgreSQL fetches only the TOAST chunks it covers), and one value per record is read and
 * written in one round trip: loading a replica's index reads one row per video, not one per frame.
 *
 * <p>Timestamps are kept to the millisecond, as the reference's hash files print them
 * ({@code %.3f}): a submitted timestamp is rounded the same way, so the stored frames, the text
 * they format to and the record's digest all agree.
 */
public final class VideoFrames {

    public static final int FRAME_BYTES = 4 + 1 + 4 + 32;

    private VideoFrames() {
    }

    /** Milliseconds as the reference prints seconds with 3 decimals (the binary value rounded half to even). */
    public static int millis(double seconds) {
        return new BigDecimal(VpdqFrame.formatTimestamp(seconds)).movePointRight(3).intValueExact();
    }

    /** The frame with its timestamp rounded to the millisecond, as stored. */
    public static VpdqFrame normalised(VpdqFrame f) {
        return new VpdqFrame(f.frameNumber(), f.quality(), f.hash(), millis(f.timestamp()) / 1000.0);
    }

    public static byte[] encode(List<VpdqFrame> frames) {
        ByteBuffer b = ByteBuffer.allocate(frames.size() * FRAME_BYTES);
        for (VpdqFrame f : frames) {
            b.putInt(f.frameNumber());
            b.put((byte) f.quality());
            b.putInt(millis(f.timestamp()));
            for (long w : f.hash().words()) {
                b.putLong(w);
            }
        }
        return b.array();
    }

    public static List<VpdqFrame> decode(byte[] bytes) {
        if (bytes.length % FRAME_BYTES != 0) {
            throw new IllegalArgumentException("not a whole number of frames: " + bytes.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        List<VpdqFrame> out = new ArrayList<>(bytes.length / FRAME_BYTES);
        while (b.hasRemaining()) {
            int frameNumber = b.getInt();
            int quality = b.get() & 0xff;
            int ms = b.getInt();
            PdqHash hash = PdqHash.of(b.getLong(), b.getLong(), b.getLong(), b.getLong());
            out.add(new VpdqFrame(frameNumber, quality, hash, ms / 1000.0));
        }
        return out;
    }

    /**
     * The record's value: SHA-256 (lower-case hex) of the frames in the reference's hash-file text
     * ({@link VpdqLines#format}), so that the same frames sent as JSON or as a file give the same record.
     */
    public static String digest(List<VpdqFrame> frames) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(VpdqLines.format(frames).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The percentage (rounded down) of frames whose quality is at least {@code minQuality}. */
    public static int qualityShare(List<VpdqFrame> frames, int minQuality) {
        if (frames.isEmpty()) {
            return 0;
        }
        long good = frames.stream().filter(f -> f.quality() >= minQuality).count();
        return (int) (100 * good / frames.size());
    }
}
