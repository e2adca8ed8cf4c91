package org.christchurchcall.hashmatch.compute.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The in-memory multipart reader against the forms clients send, and against broken ones. */
class MultipartFormTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theBoundaryComesFromTheContentType() {
        assertEquals(Optional.of("abc"), MultipartForm.boundary("multipart/form-data; boundary=abc"));
        assertEquals(Optional.of("a b:c"), MultipartForm.boundary("multipart/form-data;Boundary=\"a b:c\";x=y"));
        assertEquals(Optional.empty(), MultipartForm.boundary("multipart/form-data"));
        assertEquals(Optional.empty(), MultipartForm.boundary(null));
        assertEquals(Optional.empty(), MultipartForm.boundary("multipart/form-data; boundary=" + "b".repeat(71)));
    }

    @Test
    void theNamedPartIsFoundAmongOthersWithItsBytesIntact() {
        byte[] file = { 0, '\r', '\n', '-', '-', 'x', (byte) 0xff, '\r', '\n' };
        byte[] head = bytes("preamble\r\n--xyz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--xyz  \r\ncontent-disposition: form-data; filename=\"name=file.png\"; name=\"file\"\r\n"
                + "Content-Type: image/png\r\n\r\n");
        byte[] tail = bytes("\r\n--xyz--\r\nepilogue");
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);

        assertArrayEquals(file, MultipartForm.part(body, "xyz", "file").orElseThrow());
        assertArrayEquals(bytes("hello"), MultipartForm.part(body, "xyz", "note").orElseThrow());
        assertTrue(MultipartForm.part(body, "xyz", "other").isEmpty());
    }

    @Test
    void aPartWithoutHeadersOrContentIsStillAPart() {
        byte[] body = bytes("--b\r\n\r\n\r\n--b\r\nContent-Disposition: form-data; name=file\r\n\r\n\r\n--b--");
        assertArrayEquals(new byte[0], MultipartForm.part(body, "b", "file").orElseThrow());
    }

    @Test
    void brokenFormsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MultipartForm.part(bytes("no boundary here"), "b", "file"));
        assertThrows(IllegalArgumentException.class,
                () -> MultipartForm.part(bytes("--b\r\nContent-Disposition: form-data; name=file\r\n\r\nnever ends"),
                        "b", "file"));
        assertThrows(IllegalArgumentException.class,
                () -> MultipartForm.part(bytes("--b\r\nContent-Disposition: form-data; name=file"), "b", "file"));
        assertThrows(IllegalArgumentException.class, () -> MultipartForm.part(bytes("x--b\r\n\r\n\r\n--b--"), "b",
                "file"));
    }
}
