package org.christchurchcall.hashmatch.video;

/**
 * The video cannot be hashed: unreadable, over a limit, or FFmpeg failed or ran out of time.
 * {@link #reason()} says which, so a service can answer with the right problem.
 */
public final class VideoRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why; the codes are stable and appear in problem responses. */
    public enum Reason {
        /** not a video FFmpeg can decode (wrong container, truncated, no video stream) */
        UNREADABLE("unreadable-video"),
        /** wider or taller than allowed, or more pixels than allowed */
        TOO_LARGE_FRAME("frame-too-large"),
        /** longer than allowed, by its header or by the frames decoded */
        TOO_LONG("video-too-long"),
        /** more frames than allowed */
        TOO_MANY_FRAMES("too-many-frames"),
        /** FFmpeg did not finish within the time or CPU time allowed, or hit its memory limit */
        RESOURCE_LIMIT("decoding-limit");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public VideoRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
