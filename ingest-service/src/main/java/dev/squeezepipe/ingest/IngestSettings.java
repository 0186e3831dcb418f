package dev.squeezepipe.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Defaults of an ingest; a request may override the shard size, image size, format and limit. */
@ConfigurationProperties("ingest")
public class IngestSettings {

    private String bucket = "datasets";
    private int shardSize = 1000;
    private int imageSize = 32;
    private String data = "";
    private String format = "auto";
    private int limit = 0;
    private int writeAhead = 4;

    /** Bucket of shards and manifests. */
    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    /** Images per shard. */
    public int getShardSize() {
        return shardSize;
    }

    public void setShardSize(int shardSize) {
        this.shardSize = shardSize;
    }

    /** Side of the stored images (resized when the source differs). */
    public int getImageSize() {
        return imageSize;
    }

    public void setImageSize(int imageSize) {
        this.imageSize = imageSize;
    }

    /** A dataset to ingest at start-up; empty for none. */
    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    /** Images per split to keep (0: all). */
    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    /** Shards that may wait for storage while reading goes on. */
    public int getWriteAhead() {
        return writeAhead;
    }

    public void setWriteAhead(int writeAhead) {
        this.writeAhead = writeAhead;
    }
}
