package org.christchurchcall.hashmatch.pdq;

import java.util.List;

/**
 * The eight dihedral variants of an image's PDQ hash, in the reference tool's
 * {@code --pdqdih-across} order: the hash of the image itself, of the image rotated 90, 180 and
 * 270 degrees counter-clockwise, mirrored top to bottom (flipX), left to right (flipY), about the
 * main diagonal (flipPlus, the transpose) and about the anti-diagonal (flipMinus).
 */
public record PdqDihedral(PdqHash original, PdqHash rotate90, PdqHash rotate180, PdqHash rotate270,
        PdqHash flipX, PdqHash flipY, PdqHash flipPlus, PdqHash flipMinus, int quality) {

    /** The eight hashes in {@code --pdqdih-across} order. */
    public List<PdqHash> hashes() {
        return List.of(original, rotate90, rotate180, rotate270, flipX, flipY, flipPlus, flipMinus);
    }
}
