package dev.squeezepipe.storage;

import dev.squeezepipe.errors.CorruptDataException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers: content addresses and integrity checks. */
public final class Hashing {

    private Hashing() {}

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Fails, naming {@code what}, unless {@code bytes} hash to {@code expected}. */
    public static void requireSha256(byte[] bytes, String expected, String what) throws IOException {
        String actual = sha256Hex(bytes);
        if (!actual.equals(expected)) {
            throw new CorruptDataException(what + " is corrupt: sha256 " + actual + " instead of " + expected);
        }
    }
}
