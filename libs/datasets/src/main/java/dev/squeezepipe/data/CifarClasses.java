package dev.squeezepipe.data;

import java.util.List;

/** CIFAR-10's class names in label order. */
public final class CifarClasses {

    /** Label i is {@code NAMES.get(i)}. */
    public static final List<String> NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    /** Images per side in the official releases. */
    public static final int SIDE = 32;
    /** Bytes of one 3x32x32 uint8 image. */
    public static final int IMAGE_BYTES = 3 * SIDE * SIDE;

    private CifarClasses() {}

    /** The name of {@code label}, or {@code class<label>} past CIFAR-10's ten. */
    public static String name(int label) {
        return label >= 0 && label < NAMES.size() ? NAMES.get(label) : "class" + label;
    }
}
