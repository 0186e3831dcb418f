package dev.squeezepipe.service;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Where the S3 server is and the keys to use: from configuration or environment, never from code. */
@ConfigurationProperties("s3")
public class S3Settings {

    private String endpoint = "";
    private String accessKey = "";
    private String secretKey = "";
    private String region = "us-east-1";

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }
}
