package org.christchurchcall.hashmatch.compute.rest;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.christchurchcall.hashmatch.compute.service.FileHashing;
import org.christchurchcall.hashmatch.compute.service.FileHashing.FileHashes;
import org.christchurchcall.hashmatch.compute.service.UploadReader;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/hashes/compute")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hashes")
@SecurityRequirement(name = "bearer")
@RolesAllowed({ Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SECRETARIAT })
@APIResponse(responseCode = "200", description = "md5 and sha256 of any file; pdq and quality of an image")
@APIResponse(responseCode = "400", description = "No or empty body")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
@APIResponse(responseCode = "413", description = "The file exceeds ccall.http.max-body-size (20 MiB)")
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
    public FileHashes computeRaw(InputStream body,
            @QueryParam("dihedral") @Parameter(description = "also the 8 dihedral PDQ hashes") boolean dihedral) {
        return hashing.hash(uploads.read(body), dihedral);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Hash a file sent as the form part `file`", description = "As the raw form. The HTTP "
            + "layer spools a multipart part to a temporary file, deleted when the request ends.")
    public FileHashes computeForm(@RestForm("file") FileUpload file, @QueryParam("dihedral") boolean dihedral) {
        return hashing.hash(uploads.read(file), dihedral);
    }
}
