package org.christchurchcall.hashmatch.compute.rest;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.christchurchcall.hashmatch.compute.service.FileHashing;
import org.christchurchcall.hashmatch.compute.service.FileHashing.FileHashes;
import org.christchurchcall.hashmatch.compute.service.Upload;
import org.christchurchcall.hashmatch.compute.service.UploadReader;
import org.christchurchcall.hashmatch.compute.service.VideoHashing;
import org.christchurchcall.hashmatch.compute.service.VideoHashing.VideoHashes;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/hashes/compute")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hashes")
@SecurityRequirement(name = "oauth2")
@RolesAllowed({ Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SECRETARIAT })
@APIResponse(responseCode = "200", description = "An image or any other file: size, md5 and sha256, and pdq and "
        + "quality of an image (FileHashes). A video: type vpdq, its frames' hashes, the same as the reference's "
        + "hash-file text, the stream's size, rate and duration, and its md5 as videoMd5 (VideoHashes).",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = { FileHashes.class,
                VideoHashes.class })))
@APIResponse(responseCode = "400", description = UploadProblemDocs.BAD_REQUEST)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
@APIResponse(responseCode = "413", description = UploadProblemDocs.TOO_LARGE)
@APIResponse(responseCode = "415", description = UploadProblemDocs.UNSUPPORTED)
@APIResponse(responseCode = "422", description = UploadProblemDocs.UNPROCESSABLE)
@APIResponse(responseCode = "503", description = UploadProblemDocs.BUSY)
public class ComputeResource {

    static final String DIHEDRAL = "dihedral=true";

    @Inject
    UploadReader uploads;

    @Inject
    FileHashing hashing;

    @Inject
    VideoHashing videos;

    @POST
    @Consumes({ MediaType.APPLICATION_OCTET_STREAM, "image/*", "video/*" })
    @Operation(summary = "Hash a file sent as the body", description = "Roles hash-contributor, matcher, secretariat. "
            + "Nothing is stored. dihedral=true adds the eight PDQ variants of an image. A video (told by its first "
            + "bytes: MP4/MOV, Matroska/WebM, AVI, FLV, MPEG-TS/PS, ASF) is hashed with vPDQ, one frame every "
            + "secondsPerHash seconds, bit-exact with Meta's reference; it is written to a private temporary file "
            + "while FFmpeg decodes it in a separate, limited process, and deleted when the request ends.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"), examples = @ExampleObject(name = "file", summary = UploadExamples.RAW_SUMMARY,
                            value = UploadExamples.RAW_VALUE)),
            @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "image", summary = UploadExamples.RAW_SUMMARY,
                            value = UploadExamples.RAW_VALUE)),
            @Content(mediaType = "video/*", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "video", summary = UploadExamples.VIDEO_SUMMARY,
                            value = UploadExamples.VIDEO_VALUE)) })
    public Object computeRaw(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("dihedral") @Parameter(description = "also the 8 dihedral PDQ hashes (images only)") boolean dihedral,
            @QueryParam("secondsPerHash") @Parameter(description = SecondsPerHash.DESCRIPTION, schema = @Schema(
                    type = SchemaType.NUMBER, minimum = "0", maximum = "60", defaultValue = "1"), example = "1")
            String secondsPerHash) {
        double every = SecondsPerHash.parse(secondsPerHash, videos);
        try (Upload upload = uploads.read(body, contentType, dihedral ? DIHEDRAL : null)) {
            return hash(upload, dihedral, every);
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Hash a file sent as the form part `file`", description = "As the raw form. The form is "
            + "read as it arrives: an image is held in memory, a video written to a private temporary file for "
            + "FFmpeg and deleted when the request ends; the REST layer never spools the form to disk.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = FileForm.class), examples = @ExampleObject(name = "file",
                    summary = UploadExamples.FORM_SUMMARY, value = UploadExamples.FORM_VALUE)))
    public Object computeForm(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("dihedral") @Parameter(description = "also the 8 dihedral PDQ hashes (images only)") boolean dihedral,
            @QueryParam("secondsPerHash") @Parameter(description = SecondsPerHash.DESCRIPTION, schema = @Schema(
                    type = SchemaType.NUMBER, minimum = "0", maximum = "60", defaultValue = "1"), example = "1")
            String secondsPerHash) {
        double every = SecondsPerHash.parse(secondsPerHash, videos);
        try (Upload upload = uploads.readForm(body, contentType, dihedral ? DIHEDRAL : null)) {
            return hash(upload, dihedral, every);
        }
    }

    private Object hash(Upload upload, boolean dihedral, double secondsPerHash) {
        return switch (upload) {
            case Upload.InMemory file -> hashing.hash(file.bytes(), dihedral);
            case Upload.Video video -> videos.hash(video, secondsPerHash).hashes();
        };
    }
}
