package dev.squeezepipe.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.squeezepipe.data.Split;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.infra.EmbeddedStack;
import dev.squeezepipe.model.IntraOpThreads;
import dev.squeezepipe.modelstore.CheckpointCopies;
import dev.squeezepipe.modelstore.CheckpointLoader;
import dev.squeezepipe.modelstore.LoadedCheckpoint;
import dev.squeezepipe.modelstore.StoredSplits;
import dev.squeezepipe.predictor.ModelSwapper;
import dev.squeezepipe.predictor.PredictorSettings;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.storage.Files2;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
                // bare inference right before and right after the Kafka passes: the machine's drift between them
                // shows as their difference, and their mean is the baseline
                Bare bareBefore = bare(predictor, trained, images);
                Steady<Run> kafka = Steady.time(() -> kafka(stack, predictor, images), Run::seconds);
                Bare bareAfter = bare(predictor, trained, images);
                double bareMean = (bareBefore.best() + bareAfter.best()) / 2;
                List<byte[]> httpImages = images.subList(0, Math.min(1000, images.size()));
                Steady<Run> http = Steady.time(() -> http(predictor, httpImages), Run::seconds);
                double swap = swapSeconds(stack, predictor, trained.jobId(), images.get(0));
                return new BenchResult()
                        .put("bench", "predict")
                        .put("requests", images.size())
                        .put("kafka_images_per_s", kafka.timed().imagesPerSecond())
                        .put("kafka_first_pass_images_per_s", kafka.first().imagesPerSecond())
                        .put("kafka_passes", kafka.passes())
                        .put("kafka_jit_share", kafka.jitShare())
                        .put("jit_compilers", Steady.compilers())
                        .put("kafka_p50_ms", kafka.timed().p50())
                        .put("kafka_p99_ms", kafka.timed().p99())
                        .put("kafka_busy_share", kafka.timed().busySeconds() / kafka.timed().seconds())
                        .put("kafka_inference_images_per_s", images.size() / kafka.timed().busySeconds())
                        .put("http_images_per_s", http.timed().imagesPerSecond())
                        .put("http_p50_ms", http.timed().p50())
                        .put("http_p99_ms", http.timed().p99())
                        .put("bare_serial_images_per_s", (bareBefore.serial() + bareAfter.serial()) / 2)
                        .put("bare_parallel_images_per_s", (bareBefore.parallel() + bareAfter.parallel()) / 2)
                        .put("bare_before_images_per_s", bareBefore.best())
                        .put("bare_after_images_per_s", bareAfter.best())
                        .put("bare_images_per_s", bareMean)
                        .put("kafka_ratio", kafka.timed().imagesPerSecond() / bareMean)
                        .put("swap_seconds", swap)
                        .put("target_kafka_ratio", 0.9)
                        .put("target_swap_seconds", 2.0);
            }
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private static TrainingJobSpec tiny(String datasetId) {
        return TrainingJobSpec.plain(datasetId, Network.cifar10("cifar", 32), 1, 64).withTrainLimit(640);
    }

    /**
     * One timed run; {@code busySeconds} is the predictor's inference thread at work in it (batch assembly and
     * forward passes), which tells a slow forward pass from an idle one.
     */
    private record Run(int images, double seconds, double busySeconds, double p50, double p99) {
        double imagesPerSecond() {
            return images / seconds;
        }
    }

    private static List<byte[]> testImages(ApplicationContext context, String datasetId, int count) throws Exception {
        var test = context.getBean(StoredSplits.class).load(ObjectLayout.DATASETS_BUCKET, datasetId, Split.TEST, 0)
                .asImageBatch("test");
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(test.image(i % test.count()));
        }
        return images;
    }

    /**
     * Images/s of batched inference (batch 32) straight through the served network, once JIT-steady ({@link Steady}):
     * the better of one thread with the engine's default intra-op threads and of the predictor's own thread layout.
     */
    private static Bare bare(ApplicationContext predictor, TrainFlow.Outcome trained, List<byte[]> images)
            throws Exception {
        PredictorSettings settings = predictor.getBean(PredictorSettings.class);
        try (LoadedCheckpoint loaded = predictor.getBean(CheckpointLoader.class)
                .load(ObjectLayout.CHECKPOINTS_BUCKET, trained.checkpoint())) {
            Model model = loaded.model();
            Preprocessor pre = new Preprocessor(PreprocessSpec.recipe(32, false));
            double serial = bareRate(model, pre, images, 1, 0);
            double parallel = bareRate(model, pre, images, settings.inferenceThreads(),
                    settings.intraOpThreads());
            return new Bare(serial, parallel);
        }
    }

    private record Bare(double serial, double parallel) {
        double best() {
            return Math.max(serial, parallel);
        }
    }

    /** Images/s, once JIT-steady, with {@code threads} threads taking every n-th batch, each at {@code intraOp}. */
    private static double bareRate(Model model, Preprocessor pre, List<byte[]> images, int threads, int intraOp)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Steady<Double> seconds = Steady.time(() -> {
                long start = System.nanoTime();
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    parts.add(pool.submit(() -> {
                        IntraOpThreads.use(intraOp);
                        for (int from = first * 32; from < images.size(); from += threads * 32) {
                            forward(model, pre, images.subList(from, Math.min(from + 32, images.size())));
                        }
                        return null;
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
                return (System.nanoTime() - start) / 1e9;
            }, Double::doubleValue);
            return images.size() / seconds.timed();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void forward(Model model, Preprocessor pre, List<byte[]> batch) {
        float[] input = new float[batch.size() * pre.floatsPerImage()];
        for (int i = 0; i < batch.size(); i++) {
            pre.apply(batch.get(i), 32, 32, input, i * pre.floatsPerImage(), null);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            model.getBlock().forward(new ParameterStore(manager, false),
                    new NDList(manager.create(input, new Shape(batch.size(), 3, 32, 32))), false)
                    .singletonOrThrow().toFloatArray();
        }
    }

    private static Run kafka(EmbeddedStack stack, ApplicationContext predictor, List<byte[]> images) throws Exception {
        JsonMapper json = predictor.getBean(JsonMapper.class);
        String prefix = "bench-" + UUID.randomUUID() + "-";
        try (KafkaConsumer<String, byte[]> results = resultsConsumer(stack);
                KafkaProducer<String, byte[]> producer = producer(stack)) {
            double busyBefore = inferenceSeconds(predictor);
            long start = System.nanoTime();
            for (int i = 0; i < images.size(); i++) {
                producer.send(new ProducerRecord<>(Topics.CLASSIFICATION_REQUESTS, prefix + i, images.get(i)));
            }
            producer.flush();
            List<byte[]> answers = new ArrayList<>();
            while (answers.size() < images.size()) {
                for (ConsumerRecord<String, byte[]> r : results.poll(Duration.ofMillis(100))) {
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        answers.add(r.value());
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double busySeconds = inferenceSeconds(predictor) - busyBefore;
            // the answers are parsed once the clock has stopped: the load generator shares the 2 cores with the
            // predictor, and its bookkeeping is not the predictor's work
            List<Double> latencies = new ArrayList<>();
            for (byte[] answer : answers) {
                latencies.add(json.readValue(answer, ImageClassified.class).latencyMs());
            }
            return new Run(images.size(), seconds, busySeconds, percentile(latencies, 0.5),
                    percentile(latencies, 0.99));
        }
    }

    private static double inferenceSeconds(ApplicationContext predictor) {
        Timer timer = predictor.getBean(MeterRegistry.class).find("predictor.inference.time").timer();
        return timer == null ? 0 : timer.totalTime(TimeUnit.SECONDS);
    }

    private static Run http(ApplicationContext predictor, List<byte[]> images) throws Exception {
        URI base = predictor.getBean(EmbeddedServer.class).getURI();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(HTTP_CLIENTS);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        try {
            double busyBefore = inferenceSeconds(predictor);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (byte[] image : images) {
                futures.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/predict"))
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build(),
                            HttpResponse.BodyHandlers.ofString());
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
            return new Run(images.size(), seconds, inferenceSeconds(predictor) - busyBefore, percentile(latencies, 0.5),
                    percentile(latencies, 0.99));
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
        // the same weights stored as a new run, as a trainer would store them: an event may only name its own run's
        CheckpointPublished renamed = CheckpointCopies.copyAnnounced(predictor.getBean(ObjectStore.class), json,
                original, newRun);
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

    private static CheckpointPublished lastCheckpoint(EmbeddedStack stack, JsonMapper json, String runId)
            throws Exception {
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
        // a bulk sender's batches: the 5,000-request burst goes in ~15 requests of 1 MB, not ~1,000 of 16 KB, so the
        // broker beside the predictor does less work per request
        p.put("batch.size", String.valueOf(1 << 20));
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static double percentile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
