package dev.squeezepipe.bench;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.squeezepipe.data.Split;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.events.TrainingJobSpec;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.predictor.ModelSwapper;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.service.StoredSplits;
import dev.squeezepipe.storage.Files2;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.topics.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Predictor throughput and latency for 32x32 test images over Kafka and over HTTP, against bare batched DJL
 * inference of the same network on the same images in the same run; and how long a new checkpoint takes from
 * its event to the first answer it gives.
 */
public final class PredictBenchmark {

    private static final int HTTP_CLIENTS = 8;

    private PredictBenchmark() {}

    public static BenchResult run(Path data, int requests) throws Exception {
        Path dir = Files.createTempDirectory("bench-predict-");
        try (EmbeddedStack stack = EmbeddedStack.start(dir)) {
            String datasetId = TrainFlow.ingest(stack, data, 1000);
            Map<String, Object> props = Map.of("shards.cache-dir", dir.resolve("cache").toString(),
                    "micronaut.server.port", "-1", "trainer.instance-id", "bench");
            TrainFlow.Outcome trained = TrainFlow.train(stack, datasetId, id -> tiny(id));
            try (ApplicationContext predictor = stack.service("predictor", props)) {
                ModelSwapper swapper = predictor.getBean(ModelSwapper.class);
                String served = trained.jobId() + "/1";
                while (!served.equals(swapper.currentId())) {
                    Thread.sleep(100); // the predictor replays the checkpoint topic and loads the newest
                }
                List<byte[]> images = testImages(predictor, datasetId, requests);
                double bare = bare(predictor, trained, images);
                Run kafka = kafka(stack, predictor, images);
                Run http = http(predictor.getBean(EmbeddedServer.class).getURI(), images.subList(0, Math.min(1000, images.size())));
                double swap = swapSeconds(stack, predictor, trained.jobId(), images.get(0));
                return new BenchResult()
                        .put("bench", "predict")
                        .put("requests", images.size())
                        .put("kafka_images_per_s", kafka.imagesPerSecond())
                        .put("kafka_p50_ms", kafka.p50())
                        .put("kafka_p99_ms", kafka.p99())
                        .put("http_images_per_s", http.imagesPerSecond())
                        .put("http_p50_ms", http.p50())
                        .put("http_p99_ms", http.p99())
                        .put("bare_images_per_s", bare)
                        .put("kafka_ratio", kafka.imagesPerSecond() / bare)
                        .put("swap_seconds", swap)
                        .put("target_kafka_ratio", 0.9)
                        .put("target_swap_seconds", 2.0);
            }
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private static TrainingJobSpec tiny(String datasetId) {
        return new TrainingJobSpec(datasetId, "cifar", 128, 128, 2, 0.5, 0.125, 10, 32, 1, 64, 0.9, 1e-4, "linear", 0,
                0.01, 0, 0, 0, false, 1, 1, 10, 640);
    }

    private record Run(double imagesPerSecond, double p50, double p99) {}

    private static List<byte[]> testImages(ApplicationContext context, String datasetId, int count) throws Exception {
        var test = context.getBean(StoredSplits.class).load(ObjectLayout.DATASETS_BUCKET, datasetId, Split.TEST, 0)
                .asImageBatch("test");
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(test.image(i % test.count()));
        }
        return images;
    }

    /** Images/s of batched inference (batch 32) straight through the served network, after a warm-up pass. */
    private static double bare(ApplicationContext predictor, TrainFlow.Outcome trained, List<byte[]> images) throws Exception {
        try (ai.djl.Model model = ai.djl.Model.newInstance("bare")) {
            model.setBlock(dev.squeezepipe.model.SqueezeNet.build(dev.squeezepipe.model.SqueezeNetConfig.of(trained.checkpoint().spec())));
            dev.squeezepipe.storage.CheckpointParams.load(model, predictor.getBean(ObjectStore.class)
                    .get(ObjectLayout.CHECKPOINTS_BUCKET, trained.checkpoint().paramsKey()),
                    trained.checkpoint().sha256(), "checkpoint " + trained.checkpoint().checkpointId());
            Preprocessor pre = new Preprocessor(PreprocessSpec.recipe(32, false));
            try (NDManager manager = NDManager.newBaseManager()) {
                ParameterStore store = new ParameterStore(manager, false);
                for (int pass = 0; pass < 2; pass++) {
                    long start = System.nanoTime();
                    for (int from = 0; from < images.size(); from += 32) {
                        int n = Math.min(32, images.size() - from);
                        float[] input = new float[n * pre.floatsPerImage()];
                        for (int i = 0; i < n; i++) {
                            pre.apply(images.get(from + i), 32, 32, input, i * pre.floatsPerImage(), null);
                        }
                        try (NDManager step = manager.newSubManager()) {
                            model.getBlock().forward(store, new NDList(step.create(input, new Shape(n, 3, 32, 32))), false)
                                    .singletonOrThrow().toFloatArray();
                        }
                    }
                    if (pass == 1) {
                        return images.size() / ((System.nanoTime() - start) / 1e9);
                    }
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static Run kafka(EmbeddedStack stack, ApplicationContext predictor, List<byte[]> images) throws Exception {
        JsonMapper json = predictor.getBean(JsonMapper.class);
        String prefix = "bench-" + UUID.randomUUID() + "-";
        try (KafkaConsumer<String, byte[]> results = resultsConsumer(stack);
                KafkaProducer<String, byte[]> producer = producer(stack)) {
            long start = System.nanoTime();
            for (int i = 0; i < images.size(); i++) {
                producer.send(new ProducerRecord<>(Topics.CLASSIFICATION_REQUESTS, prefix + i, images.get(i)));
            }
            producer.flush();
            List<Double> latencies = new ArrayList<>();
            while (latencies.size() < images.size()) {
                for (ConsumerRecord<String, byte[]> r : results.poll(Duration.ofMillis(100))) {
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        latencies.add(json.readValue(r.value(), ImageClassified.class).latencyMs());
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(images.size() / seconds, percentile(latencies, 0.5), percentile(latencies, 0.99));
        }
    }

    private static Run http(URI base, List<byte[]> images) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(HTTP_CLIENTS);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (byte[] image : images) {
                futures.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/predict"))
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                    }
                    latencies.add((System.nanoTime() - t) / 1e6);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(images.size() / seconds, percentile(latencies, 0.5), percentile(latencies, 0.99));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Seconds from publishing a checkpoint event to the first Kafka answer given by that checkpoint. */
    private static double swapSeconds(EmbeddedStack stack, ApplicationContext predictor, String runId, byte[] image)
            throws Exception {
        JsonMapper json = predictor.getBean(JsonMapper.class);
        CheckpointPublished original = lastCheckpoint(stack, json, runId);
        String newRun = "swap-" + UUID.randomUUID();
        CheckpointPublished renamed = new CheckpointPublished(newRun + "/" + original.epoch(), newRun, original.jobId(),
                original.datasetId(), original.epoch(), original.step(), original.bucket(), original.paramsKey(),
                original.sidecarKey(), original.sha256(), original.variant(), original.classes(), original.inputSize(),
                original.trainLoss(), original.trainAccuracy(), Instant.now());
        try (KafkaConsumer<String, byte[]> results = resultsConsumer(stack);
                KafkaProducer<String, byte[]> producer = producer(stack)) {
            long start = System.nanoTime();
            producer.send(new ProducerRecord<>(Topics.CHECKPOINTS, newRun, json.writeValueAsBytes(renamed)));
            producer.flush();
            int i = 0;
            while (true) {
                producer.send(new ProducerRecord<>(Topics.CLASSIFICATION_REQUESTS, "swap-probe-" + i++, image));
                for (ConsumerRecord<String, byte[]> r : results.poll(Duration.ofMillis(20))) {
                    if (renamed.checkpointId().equals(json.readValue(r.value(), ImageClassified.class).modelId())) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                }
            }
        }
    }

    private static CheckpointPublished lastCheckpoint(EmbeddedStack stack, JsonMapper json, String runId) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack)) {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.CHECKPOINTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            CheckpointPublished last = null;
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (runId.equals(r.key())) {
                        last = json.readValue(r.value(), CheckpointPublished.class);
                    }
                }
            }
            return last;
        }
    }

    private static KafkaConsumer<String, byte[]> resultsConsumer(EmbeddedStack stack) {
        KafkaConsumer<String, byte[]> consumer = consumer(stack);
        List<TopicPartition> parts = consumer.partitionsFor(Topics.CLASSIFICATION_RESULTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position); // fix the starting point before any request is sent
        return consumer;
    }

    private static KafkaConsumer<String, byte[]> consumer(EmbeddedStack stack) {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.infrastructure().kafkaBootstrapServers());
        p.put("enable.auto.commit", "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<String, byte[]> producer(EmbeddedStack stack) {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.infrastructure().kafkaBootstrapServers());
        p.put("linger.ms", "2");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static double percentile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
