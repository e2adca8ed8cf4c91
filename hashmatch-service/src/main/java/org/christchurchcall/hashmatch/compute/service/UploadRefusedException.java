package org.christchurchcall.hashmatch.compute.service;

import java.time.Duration;

import org.christchurchcall.hashmatch.video.VideoRejectedException;
import org.christchurchcall.platform.problem.ProblemType;

/**
 * An upload refused while its body may still be arriving: the answer is a problem whose type is
 * {@code urn:ccall:problem:<slug>}, and the connection is closed after it (HTTP/1.1) so that the
 * rest of the body is never read. {@code retryAfter}, when set, becomes the Retry-After header.
 */
public final class UploadRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String title;
    private final transient Duration retryAfter;

    public UploadRefusedException(int status, String slug, String title, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    /** One of the platform's problem types. */
    public static UploadRefusedException of(ProblemType type, String detail) {
        String uri = type.uri();
        return new UploadRefusedException(type.status(), uri.substring(uri.lastIndexOf(':') + 1), type.title(), detail,
                null);
    }

    public static UploadRefusedException tooLarge(String what, long limit) {
        return of(ProblemType.TOO_LARGE, "the " + what + " exceeds the limit of " + limit + " bytes");
    }

    /** A video FFmpeg refused or could not finish: 422 with the reason's stable code as the type. */
    public static UploadRefusedException video(VideoRejectedException.Reason reason, String detail) {
        String title = switch (reason) {
            case UNREADABLE -> "Unreadable video";
            case TOO_LARGE_FRAME -> "Video frames too large";
            case TOO_LONG -> "Video too long";
            case TOO_MANY_FRAMES -> "Too many video frames";
            case RESOURCE_LIMIT -> "Video decoding limit reached";
        };
        return new UploadRefusedException(422, reason.code(), title, detail, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return "urn:ccall:problem:" + slug;
    }

    public String title() {
        return title;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
