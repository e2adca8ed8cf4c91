package org.christchurchcall.hashmatch.hash.service;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One hash to share. Fields are checked by the service rather than by bean validation so that a
 * bulk submission can reject one item and still store the others.
 */
@Schema(description = "A hash to share. For pdq the submitter gives the quality its hasher reported: "
        + "a PDQ hash alone does not reveal the quality of the image it came from.")
public record HashSubmission(
        @Schema(enumeration = { "pdq", "md5", "sha256" }, required = true) String type,
        @Schema(description = "hexadecimal digits: 64 for pdq and sha256, 32 for md5; stored in lower case", required = true) String value,
        @Schema(description = "PDQ quality 0..100, required for pdq, absent otherwise") Integer quality,
        @Schema(description = "label codes from /api/v1/labels, at least one", required = true) List<String> labels,
        UUID incidentId,
        @Schema(description = "the contributor's confidence in the labels, 0..100") Integer confidence) {
}
