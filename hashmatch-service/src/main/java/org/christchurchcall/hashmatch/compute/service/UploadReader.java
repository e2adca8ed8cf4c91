package org.christchurchcall.hashmatch.compute.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.compute.MediaSniffing;
import org.christchurchcall.hashmatch.config.HashmatchConfig;
import org.christchurchcall.hashmatch.config.HttpLimitsConfig;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.ProblemType;

/**
 * Reads an uploaded file, raw or as the form part {@code file}, and decides by its first bytes
 * what it is ({@link MediaSniffing}):
 * <ul>
 *   <li>a video container: written as it arrives to a private temporary file for FFmpeg
 *       ({@link VideoStaging}), up to {@code ccall.hashmatch.video-hashing.max-upload-size};</li>
 *   <li>anything else (images above all): read into memory and nowhere else, up to
 *       {@code ccall.hashmatch.max-upload-size}, as before; uploads are terrorist and violent
 *       extremist content, hashed and dropped. A file declared as a video (a {@code video/*} type
 *       or a video file name) that is not a video container is refused with 415.</li>
 * </ul>
 * The upload paths are streamed ({@code ccall.http.streamed-paths}): the platform refuses a
 * declared Content-Length over {@code ccall.http.max-streamed-body-size} and leaves a chunked body
 * to be counted here. An image upload costs at most a few times its limit in memory, a video one
 * 64 KiB of buffers, for the length of the request.
 */
@ApplicationScoped
public class UploadReader {

    private final long maxFile;

    private final long maxBody;

    private final VideoStaging videos;

    @Inject
    public UploadReader(HashmatchConfig config, HttpLimitsConfig limits, VideoStaging videos) {
        this.maxFile = config.maxUploadSize();
        this.maxBody = limits.maxStreamedBodySize();
        this.videos = videos;
    }

    /**
     * The file sent as the whole body, declared as {@code contentType}. {@code imageOnly} names a
     * parameter that applies only to images (a video is refused with 400 before it is stored).
     */
    public Upload read(InputStream in, String contentType, String imageOnly) {
        if (in == null) {
            throw ApiException.badRequest("the request has no body: send the file's bytes");
        }
        InputStream body = new LimitedBody(in, maxBody);
        byte[] head = readHead(body);
        if (head.length == 0) {
            throw ApiException.badRequest("the upload is empty");
        }
        return take(head, body, contentType, null, imageOnly);
    }

    /** The file sent as the form part {@code file} of a multipart/form-data body. */
    public Upload readForm(InputStream in, String contentType, String imageOnly) {
        String boundary = MultipartForm.boundary(contentType)
                .orElseThrow(() -> ApiException.badRequest("the multipart Content-Type names no boundary"));
        InputStream body = new LimitedBody(in == null ? InputStream.nullInputStream() : in, maxBody);
        MultipartForm form = new MultipartForm(body, boundary);
        Upload upload = null;
        try {
            String headers;
            while ((headers = form.nextPart()) != null) {
                if (!"file".equals(MultipartForm.dispositionName(headers))) {
                    continue;
                }
                InputStream content = form.content();
                byte[] head = readHead(content);
                if (head.length == 0) {
                    throw ApiException.badRequest("the upload is empty");
                }
                upload = take(head, content, MultipartForm.header(headers, "content-type"),
                        MultipartForm.dispositionFileName(headers), imageOnly);
                // the rest of the body is counted against the limit, not kept
                body.transferTo(OutputStream.nullOutputStream());
                return upload;
            }
            throw ApiException.invalidField("file", "a form part named file is required");
        } catch (IllegalArgumentException e) {
            close(upload);
            throw ApiException.badRequest("the body is not multipart/form-data: " + e.getMessage());
        } catch (IOException e) {
            close(upload);
            throw ApiException.badRequest("the upload could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            close(upload);
            throw e;
        }
    }

    private Upload take(byte[] head, InputStream rest, String declaredType, String fileName, String imageOnly) {
        if (MediaSniffing.isVideo(head, head.length)) {
            if (imageOnly != null) {
                throw UploadRefusedException.of(ProblemType.BAD_REQUEST, imageOnly + " applies to images; this "
                        + "file is a video");
            }
            return videos.stage(head, rest);
        }
        if (MediaSniffing.declaresVideo(declaredType, fileName)) {
            String how = MediaSniffing.declaresVideo(declaredType, null) ? "as " + declaredType.trim()
                    : "by its name " + fileName;
            throw UploadRefusedException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the file is declared as a video ("
                    + how + ") but is not in a container this service reads: MP4/MOV/3GP, Matroska/WebM, AVI, FLV, "
                    + "MPEG-TS/PS or ASF");
        }
        byte[] more;
        try {
            more = rest.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFile + 1 - head.length));
        } catch (IOException e) {
            throw ApiException.badRequest("the upload could not be read: " + e.getMessage());
        }
        if ((long) head.length + more.length > maxFile) {
            throw UploadRefusedException.tooLarge("file", maxFile);
        }
        byte[] bytes = Arrays.copyOf(head, head.length + more.length);
        System.arraycopy(more, 0, bytes, head.length, more.length);
        return new Upload.InMemory(bytes);
    }

    private static byte[] readHead(InputStream in) {
        try {
            return in.readNBytes(MediaSniffing.SNIFF_BYTES);
        } catch (IOException e) {
            throw ApiException.badRequest("the upload could not be read: " + e.getMessage());
        }
    }

    private static void close(Upload upload) {
        if (upload != null) {
            upload.close();
        }
    }
}
