package org.christchurchcall.hashmatch.compute.rest;

/** The error responses of the two upload endpoints, for their OpenAPI documentation. */
public final class UploadProblemDocs {

    public static final String BAD_REQUEST = "No or empty body, no form part named file, a malformed form, a bad "
            + "threshold, secondsPerHash or percentage, or dihedral=true for a video";
    public static final String TOO_LARGE = "The file exceeds ccall.hashmatch.max-upload-size (20 MiB) for an image "
            + "or any other file, ccall.hashmatch.video-hashing.max-upload-size (200 MiB) for a video; or the body "
            + "exceeds ccall.http.max-streamed-body-size (200 MiB + 64 KiB)";
    public static final String UNSUPPORTED = "Declared as a video (a video/* type or a video file name) but not in a "
            + "container this service reads (MP4/MOV/3GP, Matroska/WebM, AVI, FLV, MPEG-TS/PS, ASF)";
    public static final String UNPROCESSABLE = "An image that declares more pixels than ccall.hashmatch.max-pixels "
            + "(urn:ccall:problem:unprocessable), or a video refused, with the problem type urn:ccall:problem:<code>: "
            + "unreadable-video (not decodable, truncated, no video stream), frame-too-large (over 3840 pixels wide or "
            + "tall, or over 8,294,400 pixels, from the header before decoding), video-too-long (over 1 h, by the "
            + "header or the decoded timestamps), too-many-frames (over 216,000 frames, or over 7,200 hashes), "
            + "decoding-limit (over the 120 s timeout, the CPU or the memory limit)";
    public static final String BUSY = "This replica is already handling ccall.hashmatch.video-hashing.max-concurrent "
            + "(2) videos: retry after the seconds of the Retry-After header";

    private UploadProblemDocs() {
    }
}
