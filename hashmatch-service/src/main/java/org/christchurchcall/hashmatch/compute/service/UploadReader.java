package org.christchurchcall.hashmatch.compute.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Reads an upload into memory, up to the platform's body limit. The HTTP layer already refuses a
 * declared Content-Length over the limit; a chunked body declares none, so it is counted here.
 */
@ApplicationScoped
public class UploadReader {

    @ConfigProperty(name = "ccall.http.max-body-size")
    long maxBodySize;

    public byte[] read(InputStream in) {
        if (in == null) {
            throw ApiException.badRequest("the request has no body: send the file's bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBodySize) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw ApiException.badRequest("the upload could not be read: " + e.getMessage());
        }
        if (total == 0) {
            throw ApiException.badRequest("the upload is empty");
        }
        return out.toByteArray();
    }

    /**
     * The bytes of a multipart file part, within the body limit. The HTTP layer spools parts to a
     * temporary file that it deletes when the request ends.
     */
    public byte[] read(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.invalidField("file", "a form part named file is required");
        }
        if (file.size() > maxBodySize) {
            throw tooLarge();
        }
        try {
            return read(Files.newInputStream(file.uploadedFile()));
        } catch (IOException e) {
            throw ApiException.badRequest("the upload could not be read");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(ProblemType.TOO_LARGE, "the body exceeds the limit of " + maxBodySize + " bytes");
    }
}
