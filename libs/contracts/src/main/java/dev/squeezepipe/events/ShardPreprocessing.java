package dev.squeezepipe.events;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * How a shard's images were prepared (resized to {@code size}, stored as uint8) and how a consumer should
 * normalize them (divide by 255, subtract {@code mean}, divide by {@code std}).
 */
@Serdeable
public record ShardPreprocessing(int size, List<Float> mean, List<Float> std) {}
