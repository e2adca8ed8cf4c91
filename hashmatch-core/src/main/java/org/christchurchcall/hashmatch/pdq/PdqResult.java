package org.christchurchcall.hashmatch.pdq;

/**
 * A PDQ hash and its quality (0..100; the reference tool's heuristic count of strong gradients,
 * below 50 usually means too little structure to match reliably).
 */
public record PdqResult(PdqHash hash, int quality) {}
