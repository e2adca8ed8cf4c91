package org.christchurchcall.hashmatch.compute.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The multipart form the upload endpoints accept, for the OpenAPI document only: the resources
 * read the body themselves so that the file never reaches the REST layer's disk spooling.
 */
@Schema(name = "FileForm", description = "multipart/form-data with the file in the part named file")
public final class FileForm {

    @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "the file to hash")
    public String file;

    private FileForm() {
    }
}
