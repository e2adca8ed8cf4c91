package org.christchurchcall.hashmatch.compute.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    public void checkSize(long size) {
        if (size > maxBodySize) {
            throw tooLarge();
        }
    }

    private ApiException tooLarge() {
        return new ApiException(ProblemType.TOO_LARGE, "the body exceeds the limit of " + maxBodySize + " bytes");
    }
}
