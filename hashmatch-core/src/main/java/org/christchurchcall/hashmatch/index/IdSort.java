package org.christchurchcall.hashmatch.index;

/** Stable LSD radix sort of long ids, giving a permutation; linear time for the merges. */
final class IdSort {

    private static final int DIGIT = 11;
    private static final int RADIX = 1 << DIGIT;

    private IdSort() {}

    /** perm such that ids[perm[0]] <= ids[perm[1]] <= ... (signed order), equal ids in input order. */
    static int[] permutation(long[] ids, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int[] tmp = new int[n];
        int[] count = new int[RADIX + 1];
        for (int shift = 0; shift < 64; shift += DIGIT) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[digit(ids[i], shift) + 1]++;
            }
            boolean trivial = false;
            for (int b = 1; b <= RADIX; b++) {
                if (count[b] == n) {
                    trivial = true;
                    break;
                }
            }
            if (trivial) {
                continue;
            }
            for (int b = 0; b < RADIX; b++) {
                count[b + 1] += count[b];
            }
            for (int i = 0; i < n; i++) {
                int src = perm[i];
                tmp[count[digit(ids[src], shift)]++] = src;
            }
            int[] t = perm;
            perm = tmp;
            tmp = t;
        }
        return perm;
    }

    private static int digit(long id, int shift) {
        // flip the sign bit so that unsigned digit order is signed long order
        return (int) (((id ^ Long.MIN_VALUE) >>> shift) & (RADIX - 1));
    }
}
