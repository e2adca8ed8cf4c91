package org.christchurchcall.hashmatch.pdq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PdqHashTest {

    private static final String HEX = "938c1d96336a66c4f64c9db21a86398ff778aeb2c946b791ed4c5a7524e3400e";

    @Test
    void roundTripsTheReferenceHexFormat() {
        PdqHash h = PdqHash.fromHex(HEX);
        assertEquals(HEX, h.toHex());
        assertEquals(HEX, PdqHash.fromHex(HEX.toUpperCase()).toHex());
        assertArrayEquals(new long[] {0x938c1d96336a66c4L, 0xf64c9db21a86398fL, 0xf778aeb2c946b791L,
                0xed4c5a7524e3400eL}, h.words());
        assertEquals(h, PdqHash.of(h.words()));
    }

    @Test
    void bitZeroIsTheLowestBitOfTheHexNumber() {
        PdqHash one = PdqHash.fromHex("0".repeat(63) + "1");
        assertTrue(one.bit(0));
        assertFalse(one.bit(1));
        PdqHash top = PdqHash.fromHex("8" + "0".repeat(63));
        assertTrue(top.bit(255));
        assertEquals(1, top.bitCount());
    }

    @Test
    void distanceCountsDifferingBits() {
        PdqHash a = PdqHash.fromHex(HEX);
        PdqHash b = PdqHash.fromHex("838c1d96336a66c4f64c9db21a86398ff778aeb2c946b791ed4c5a7524e3400f");
        assertEquals(2, a.distance(b));
        assertEquals(0, a.distance(a));
        assertEquals(256, PdqHash.zero().distance(PdqHash.fromHex("f".repeat(64))));
    }

    @Test
    void rejectsAnythingButSixtyFourHexDigits() {
        for (String bad : new String[] {null, "", HEX.substring(1), HEX + "0", "g" + HEX.substring(1), " " + HEX.substring(1)}) {
            assertFalse(PdqHash.isValidHex(bad));
            assertThrows(IllegalArgumentException.class, () -> PdqHash.fromHex(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> PdqHash.of(new long[3]));
    }
}
