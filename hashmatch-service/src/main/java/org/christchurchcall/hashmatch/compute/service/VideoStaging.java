package org.christchurchcall.hashmatch.compute.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.config.VideoHashingConfig;
import org.christchurchcall.platform.problem.ProblemType;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Where an uploaded video waits while FFmpeg reads it: a private file ({@code upload-*.video},
 * mode 0600) in {@code ccall.hashmatch.video-hashing.temp-dir}, written as the upload arrives, with
 * its MD5 and SHA-256 computed on the way. At most {@code max-concurrent} videos are held at a
 * time, from their first byte to the end of their decode: another upload is refused with 503 and
 * Retry-After at once, never queued, which also bounds the space the files take. A file is deleted
 * when its request ends, refused or not ({@link Upload.Video#close}); files left by a crash are
 * deleted at start-up.
 */
@ApplicationScoped
public class VideoStaging {

    static final String PREFIX = "upload-";
    static final String SUFFIX = ".video";

    private static final Logger LOG = Logger.getLogger(VideoStaging.class);

    private final VideoHashingConfig config;
    private final Semaphore slots;
    private final Path dir;

    @Inject
    public VideoStaging(VideoHashingConfig config) {
        this.config = config;
        this.slots = new Semaphore(config.maxConcurrent());
        this.dir = config.tempDir().toAbsolutePath();
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        Files.createDirectories(dir);
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path f : left) {
                Files.deleteIfExists(f);
                LOG.infof("deleted %s, an upload left by a previous run", f);
            }
        }
    }

    /**
     * Takes a video slot and writes {@code head} and then the rest of the upload to a new private
     * file; more than {@code ccall.hashmatch.video-hashing.max-upload-size} bytes is refused with
     * 413. On any failure the file is deleted and the slot freed before the exception leaves.
     */
    public Upload.Video stage(byte[] head, InputStream rest) {
        if (!slots.tryAcquire()) {
            throw new UploadRefusedException(ProblemType.UNAVAILABLE.status(), "unavailable",
                    ProblemType.UNAVAILABLE.title(), "this replica is already hashing " + config.maxConcurrent()
                            + " videos; retry after " + config.retryAfter().toSeconds() + " s",
                    config.retryAfter());
        }
        Path file = null;
        try {
            file = Files.createTempFile(dir, PREFIX, SUFFIX, privateFile());
            MessageDigest md5 = digest("MD5");
            MessageDigest sha256 = digest("SHA-256");
            long limit = config.maxUploadSize();
            long size = 0;
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buf = new byte[64 * 1024];
                byte[] chunk = head;
                int n = head.length;
                while (n >= 0) {
                    size += n;
                    if (size > limit) {
                        throw UploadRefusedException.tooLarge("file", limit);
                    }
                    md5.update(chunk, 0, n);
                    sha256.update(chunk, 0, n);
                    out.write(chunk, 0, n);
                    chunk = buf;
                    n = read(rest, buf, (int) Math.min(buf.length, limit + 1 - size));
                }
            }
            HexFormat hex = HexFormat.of();
            return new Upload.Video(file, size, hex.formatHex(md5.digest()), hex.formatHex(sha256.digest()),
                    slots::release);
        } catch (IOException | RuntimeException e) {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException d) {
                e.addSuppressed(d);
            } finally {
                slots.release();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /** A failure to read the upload is the client's (it went away, or sent a broken body): 400. */
    private static int read(InputStream in, byte[] buf, int len) {
        try {
            return in.read(buf, 0, len);
        } catch (IOException e) {
            throw UploadRefusedException.of(ProblemType.BAD_REQUEST, "the upload could not be read: " + e.getMessage());
        }
    }

    /** The directory uploads are written to. */
    public Path dir() {
        return dir;
    }

    private static FileAttribute<?>[] privateFile() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(owner) };
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + algorithm, e);
        }
    }
}
