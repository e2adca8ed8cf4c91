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
import org.christchurchcall.hashmatch.compute.service.UploadReader;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
@APIResponse(responseCode = "200", description = "md5 and sha256 of any file; pdq and quality of an image",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileHashes.class)))
@APIResponse(responseCode = "400", description = "No or empty body")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
@APIResponse(responseCode = "413", description = "The file exceeds ccall.hashmatch.max-upload-size (20 MiB)")
@APIResponse(responseCode = "422", description = "The image declares more pixels than ccall.hashmatch.max-pixels")
public class ComputeResource {

    @Inject
    UploadReader uploads;

    @Inject
    FileHashing hashing;

    @POST
    @Consumes({ MediaType.APPLICATION_OCTET_STREAM, "image/*" })
    @Operation(summary = "Hash a file sent as the body", description = "Roles hash-contributor, matcher, secretariat. "
            + "Nothing is stored. dihedral=true adds the eight PDQ variants of an image.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"), examples = @ExampleObject(name = "file", summary = UploadExamples.RAW_SUMMARY,
                            value = UploadExamples.RAW_VALUE)),
            @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "image", summary = UploadExamples.RAW_SUMMARY,
                            value = UploadExamples.RAW_VALUE)) })
    public FileHashes computeRaw(InputStream body,
            @QueryParam("dihedral") @Parameter(description = "also the 8 dihedral PDQ hashes") boolean dihedral) {
        return hashing.hash(uploads.read(body), dihedral);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Hash a file sent as the form part `file`", description = "As the raw form. The form is "
            + "read in memory; the file is never written to disk.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = FileForm.class), examples = @ExampleObject(name = "file",
                    summary = UploadExamples.FORM_SUMMARY, value = UploadExamples.FORM_VALUE)))
    public FileHashes computeForm(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("dihedral") @Parameter(description = "also the 8 dihedral PDQ hashes") boolean dihedral) {
        return hashing.hash(uploads.readForm(body, contentType), dihedral);
    }
}
