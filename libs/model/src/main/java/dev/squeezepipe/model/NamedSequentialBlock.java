package dev.squeezepipe.model;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

/**
 * A {@link SequentialBlock} whose children carry the recipe's layer names (conv1, fire2, pool4, ...), so
 * summaries and saved parameter files speak the same language as the tutorial.
 */
public class NamedSequentialBlock extends SequentialBlock {

    /** Appends {@code block} under {@code name}; DJL prefixes the position to keep names unique. */
    public NamedSequentialBlock add(String name, Block block) {
        addChildBlock(name, block);
        return this;
    }
}
