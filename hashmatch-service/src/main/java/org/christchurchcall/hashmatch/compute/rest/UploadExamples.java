package org.christchurchcall.hashmatch.compute.rest;

/**
 * Examples of the upload bodies for the OpenAPI document: a file's bytes cannot be shown, so the
 * raw example says what to send and the form example names the part.
 */
public final class UploadExamples {

    /** The raw body: the file's bytes, as {@code curl --data-binary @photo.jpg} sends them. */
    public static final String RAW_SUMMARY = "The bytes of the file (curl --data-binary @photo.jpg "
            + "-H 'Content-Type: image/jpeg')";
    public static final String RAW_VALUE = "<the bytes of photo.jpg>";

    /** A video as the raw body. */
    public static final String VIDEO_SUMMARY = "The bytes of the video (curl --data-binary @clip.mp4 "
            + "-H 'Content-Type: video/mp4')";
    public static final String VIDEO_VALUE = "<the bytes of clip.mp4>";

    /** The form: the file in the part named file, as {@code curl -F file=@photo.jpg} sends it. */
    public static final String FORM_SUMMARY = "The file in the part named file (curl -F file=@photo.jpg)";
    public static final String FORM_VALUE = "{\"file\": \"<the bytes of photo.jpg>\"}";

    private UploadExamples() {
    }
}
