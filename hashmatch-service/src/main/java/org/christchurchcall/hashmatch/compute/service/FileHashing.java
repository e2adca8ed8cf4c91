package org.christchurchcall.hashmatch.compute.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.christchurchcall.hashmatch.config.HashmatchConfig;
import org.christchurchcall.hashmatch.pdq.ImageDecoding;
import org.christchurchcall.hashmatch.pdq.ImageTooLargeException;
import org.christchurchcall.hashmatch.pdq.PdqDihedral;
import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.pdq.PdqHasher;
import org.christchurchcall.hashmatch.pdq.PdqResult;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.ProblemType;

/**
 * Hashes an uploaded file in memory: MD5 and SHA-256 of any file, PDQ of an image. The bytes are
 * dropped when the request ends; nothing of the content is stored.
 */
@ApplicationScoped
public class FileHashing {

    /** Names of the dihedral variants, in the reference's --pdqdih-across order. */
    public static final List<String> VARIANTS = List.of("original", "rotate90", "rotate180", "rotate270", "flip-x",
            "flip-y", "flip-plus", "flip-minus");

    /**
     * The hashes of one file. {@code pdq} is null when the file is not an image this service
     * decodes; {@code notAnImage} then says why. {@code dihedral} maps variant names to hashes
     * when asked for.
     */
    public record FileHashes(@Schema(description = "bytes", example = "48213") long size,
            @Schema(example = "9e107d9d372bb6826bd81d3542a419d6") String md5,
            @Schema(example = "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592") String sha256,
            @Schema(description = "64 hexadecimal digits; absent when the file is not an image", example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22") String pdq,
            @Schema(description = "PDQ quality 0..100", minimum = "0", maximum = "100", example = "100") Integer quality,
            @Schema(description = "dihedral=true only: the PDQ hash of each variant (original, rotate90, rotate180, "
                    + "rotate270, flip-x, flip-y, flip-plus, flip-minus)") Map<String, String> dihedral,
            @Schema(description = "why no PDQ hash was computed", example = "not an image in a supported format") String notAnImage) {
    }

    private final PdqHasher hasher = new PdqHasher();
    private final ImageDecoding decoding;

    @Inject
    public FileHashing(HashmatchConfig config) {
        this.decoding = new ImageDecoding(config.maxPixels());
    }

    public FileHashes hash(byte[] bytes, boolean dihedral) {
        String md5 = digest("MD5", bytes);
        String sha256 = digest("SHA-256", bytes);
        BufferedImage image;
        try {
            image = decoding.read(bytes);
        } catch (ImageTooLargeException e) {
            // 422: the body was within the size limit; it is the image it describes that is refused
            throw new ApiException(ProblemType.UNPROCESSABLE, "the image declares " + e.width() + " x " + e.height()
                    + " pixels, more than the limit of " + e.maxPixels() + "; it was refused before decoding");
        } catch (IOException | RuntimeException e) {
            // any file may be hashed; one that is no decodable image simply has no PDQ hash
            return new FileHashes(bytes.length, md5, sha256, null, null, null, message(e));
        }
        if (!dihedral) {
            PdqResult r = hasher.hash(image);
            return new FileHashes(bytes.length, md5, sha256, r.hash().toHex(), r.quality(), null, null);
        }
        PdqDihedral d = hasher.dihedral(image);
        Map<String, String> variants = new LinkedHashMap<>();
        List<PdqHash> hashes = d.hashes();
        for (int i = 0; i < hashes.size(); i++) {
            variants.put(VARIANTS.get(i), hashes.get(i).toHex());
        }
        return new FileHashes(bytes.length, md5, sha256, d.original().toHex(), d.quality(), variants, null);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + algorithm, e);
        }
    }
}
