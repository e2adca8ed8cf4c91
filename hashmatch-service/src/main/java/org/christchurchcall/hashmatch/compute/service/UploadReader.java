package org.christchurchcall.hashmatch.compute.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.config.HashmatchConfig;
import org.christchurchcall.hashmatch.config.HttpLimitsConfig;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.ProblemType;

/**
 * Reads an uploaded file into memory and nowhere else: uploads are terrorist and violent
 * extremist content, hashed and dropped, never written to disk. The platform has already refused
 * a body over {@code ccall.http.max-body-size}, whether it declared its length or came chunked;
 * the file itself is held to {@code ccall.hashmatch.max-upload-size}. An upload costs at most a
 * few times the body limit in memory, for the length of the request.
 */
@ApplicationScoped
public class UploadReader {

    private final long maxFile;

    private final long maxBody;

    @Inject
    public UploadReader(HashmatchConfig config, HttpLimitsConfig limits) {
        this.maxFile = config.maxUploadSize();
        this.maxBody = limits.maxBodySize();
    }

    /** The file sent as the whole body. */
    public byte[] read(InputStream in) {
        if (in == null) {
            throw ApiException.badRequest("the request has no body: send the file's bytes");
        }
        return checked(readAtMost(in, maxFile));
    }

    /** The file sent as the form part {@code file} of a multipart/form-data body. */
    public byte[] readForm(InputStream in, String contentType) {
        String boundary = MultipartForm.boundary(contentType)
                .orElseThrow(() -> ApiException.badRequest("the multipart Content-Type names no boundary"));
        byte[] body = in == null ? new byte[0] : readAtMost(in, maxBody);
        Optional<byte[]> file;
        try {
            file = MultipartForm.part(body, boundary, "file");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the body is not multipart/form-data: " + e.getMessage());
        }
        return checked(file.orElseThrow(() -> ApiException.invalidField("file", "a form part named file is required")));
    }

    private byte[] checked(byte[] file) {
        if (file.length > maxFile) {
            throw tooLarge(maxFile);
        }
        if (file.length == 0) {
            throw ApiException.badRequest("the upload is empty");
        }
        return file;
    }

    /** Up to {@code limit} bytes; one more shows that there were more. */
    private static byte[] readAtMost(InputStream in, long limit) {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("the upload could not be read: " + e.getMessage());
        }
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(ProblemType.TOO_LARGE, "the file exceeds the limit of " + limit + " bytes");
    }
}
