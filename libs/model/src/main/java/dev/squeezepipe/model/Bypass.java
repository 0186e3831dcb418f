package dev.squeezepipe.model;

/** The SqueezeNet paper's bypass variants. */
public enum Bypass {
    /** Plain SqueezeNet. */
    NONE,
    /** Identity bypasses around fire3, fire5, fire7 and fire9. */
    SIMPLE,
    /** The simple bypasses plus 1x1-conv bypasses around fire2, fire4, fire6 and fire8. */
    COMPLEX
}
