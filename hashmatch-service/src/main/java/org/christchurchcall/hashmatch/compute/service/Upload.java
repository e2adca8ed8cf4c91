package org.christchurchcall.hashmatch.compute.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An uploaded file, read by {@link UploadReader}: an image (or any other file) held in memory, or
 * a video written to a private temporary file. Closing it deletes the file and frees the video
 * slot it held; a request closes it when it ends, whatever happened.
 */
public sealed interface Upload extends AutoCloseable permits Upload.InMemory, Upload.Video {

    @Override
    void close();

    /** Anything that is not a video: hashed in memory as before. */
    record InMemory(byte[] bytes) implements Upload {
        @Override
        public void close() {
            // nothing held but memory
        }
    }

    /**
     * A video in {@code file} (mode 0600), with the size and digests of its bytes, computed while
     * they were written.
     */
    final class Video implements Upload {
        private final Path file;
        private final long size;
        private final String md5;
        private final String sha256;
        private final Runnable release;
        private final AtomicBoolean closed = new AtomicBoolean();

        Video(Path file, long size, String md5, String sha256, Runnable release) {
            this.file = file;
            this.size = size;
            this.md5 = md5;
            this.sha256 = sha256;
            this.release = release;
        }

        public Path file() {
            return file;
        }

        public long size() {
            return size;
        }

        public String md5() {
            return md5;
        }

        public String sha256() {
            return sha256;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("could not delete the uploaded video " + file, e);
                } finally {
                    release.run();
                }
            }
        }
    }
}
