package org.christchurchcall.hashmatch.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the hash-sharing database and the matcher ({@code ccall.hashmatch.*}). */
@ConfigMapping(prefix = "ccall.hashmatch")
public interface HashmatchConfig {

    /** PDQ hashes of lower quality carry too little structure to match reliably; they are refused. */
    @WithDefault("50")
    int minQuality();

    /** Hamming distance used when a match request names none (the PDQ convention). */
    @WithDefault("31")
    int defaultThreshold();

    /** The largest distance a request may ask for: above it false matches outnumber true ones. */
    @WithDefault("31")
    int maxThreshold();

    /**
     * Largest image (or any file that is not a video) accepted by /api/v1/hashes/compute and
     * /api/v1/match/file, raw or as a form part; it is read in memory. Videos have their own limit
     * ({@code ccall.hashmatch.video-hashing.max-upload-size}), and the two paths' body limit is
     * {@code ccall.http.max-streamed-body-size}. The JSON body limit ({@code ccall.http.max-body-size})
     * stays this plus 64 KiB.
     */
    @WithDefault("20971520")
    long maxUploadSize();

    /** Images declaring more pixels than this are refused before their pixels are decoded. */
    @WithDefault("50000000")
    long maxPixels();

    /** How often each replica polls the change log; a write is matchable everywhere within it. */
    @WithDefault("500ms")
    Duration followInterval();

    /** How often the matches served are added to the database tally used by reports. */
    @WithDefault("10s")
    Duration tallyFlushInterval();

    /** Largest number of items in one bulk submission. */
    @WithDefault("10000")
    int maxBulkItems();

    /** Largest number of queries in one match request. */
    @WithDefault("1000")
    int maxQueries();
}
