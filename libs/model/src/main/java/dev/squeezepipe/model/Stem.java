package dev.squeezepipe.model;

/** How the network meets its input: the recipe's ImageNet stem, or one for 32x32 CIFAR images. */
public enum Stem {
    /** conv1 7x7 stride 2, no padding, 96 filters; 3x3 stride-2 max pools (the tutorial, for 224x224). */
    RECIPE(7, 2, 0, 3),
    /** conv1 3x3 stride 1 'same'; 2x2 stride-2 max pools, leaving a 4x4 map before the final conv at 32x32. */
    CIFAR(3, 1, 1, 2);

    private final int convKernel;
    private final int convStride;
    private final int convPadding;
    private final int poolKernel;

    Stem(int convKernel, int convStride, int convPadding, int poolKernel) {
        this.convKernel = convKernel;
        this.convStride = convStride;
        this.convPadding = convPadding;
        this.poolKernel = poolKernel;
    }

    public int convKernel() {
        return convKernel;
    }

    public int convStride() {
        return convStride;
    }

    public int convPadding() {
        return convPadding;
    }

    public int poolKernel() {
        return poolKernel;
    }

    /** Side of the feature map reaching the final conv for a square input of side {@code size}. */
    public int finalMapSize(int size) {
        int side = (size + 2 * convPadding - convKernel) / convStride + 1;
        for (int pool = 0; pool < 3; pool++) {
            side = side < poolKernel ? 0 : (side - poolKernel) / 2 + 1;
        }
        return side;
    }
}
