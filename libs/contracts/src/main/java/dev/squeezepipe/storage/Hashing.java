package dev.squeezepipe.storage;

import dev.squeezepipe.errors.CorruptDataException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 helpers: content addresses and integrity checks. */
public final class Hashing {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Hashing() {}

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether {@code value} is a hex SHA-256 as {@link #sha256Hex} writes it: 64 lower-case hex digits. */
    public static boolean isSha256Hex(String value) {
        return value != null && SHA256_HEX.matcher(value).matches();
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Fails, naming {@code what}, unless {@code bytes} hash to {@code expected}. */
    public static void requireSha256(byte[] bytes, String expected, String what) throws CorruptDataException {
        String actual = sha256Hex(bytes);
        if (!actual.equals(expected)) {
            throw new CorruptDataException(what + " is corrupt: sha256 " + actual + " instead of " + expected);
        }
    }
}
