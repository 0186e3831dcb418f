package dev.squeezepipe.infra;

/** A running single-node Kafka broker: where clients connect, and how it stops. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();
}
