package dev.squeezepipe.trainer;

import dev.squeezepipe.errors.Failures;
import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.service.Backoff;
import dev.squeezepipe.spec.JobIds;
import dev.squeezepipe.service.Cancellation;
import dev.squeezepipe.service.DeadLetters;
import dev.squeezepipe.service.ShutdownInterrupts;
import dev.squeezepipe.service.TransientFailures;
import dev.squeezepipe.topics.Topics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes training jobs from the job topic as one consumer group with every other trainer, one job at a time.
 *
 * <p>A plain consumer loop rather than a {@code @KafkaListener}: a job runs for minutes to hours, so the loop
 * keeps polling (the group sees a live member) with its partitions paused while the job runs on a worker
 * thread, and commits the job's offset only when the job has ended. A trainer that dies mid-job never commits:
 * the group hands its partition to another trainer, which receives the job again and resumes the run from its
 * newest checkpoint. A partition taken away mid-job stops the job first, so no job runs twice at once.
 *
 * <p>A job ends FAILED only for a cause that trying again would not mend ({@link TransientFailures}): a spec
 * that cannot run, a corrupt shard or checkpoint, a dataset that never came, a loss that diverged. A job stopped by
 * a failure that may pass (S3 or the broker away for longer than their clients retry) stays uncommitted and is taken
 * again after a wait that doubles from 5 s to 5 min, resuming from its newest checkpoint.
 */
@Singleton
@Requires(env = "trainer")
public class JobConsumer implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(JobConsumer.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final String GROUP = "trainers";
    /** Waits before a failed consumer is made anew: doubling from the first to the last, reset by a poll. */
    private static final Duration RESTART_FIRST = Duration.ofSeconds(1);
    private static final Duration RESTART_MAX = Duration.ofSeconds(30);
    /** Waits before a job stopped by a passing failure is taken again: doubling, reset by a job that ends. */
    private static final Duration RETRY_FIRST = Duration.ofSeconds(5);
    private static final Duration RETRY_MAX = Duration.ofMinutes(5);
    /** How long a stopping trainer waits for its job to end: within the 30 s grace period of compose and Kubernetes. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final JobRunner runner;
    private final JobReporter reporter;
    private final JobStatusView view;
    private final JobHistory history;
    private final DeadLetters deadLetters;
    private final TrainerSettings settings;
    private final ShutdownInterrupts shutdown;
    private final ExecutorService jobThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "job-runner"));
    private volatile boolean running = true;
    /** Counted down when the trainer stops, so that a wait between two consumers ends at once. */
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread loop;
    private RunningJob current;
    private volatile JobLoopState state = JobLoopState.starting();
    /** System.nanoTime() until which no job is taken, after one stopped by a passing failure; 0: none. */
    private long idleUntilNanos;
    private Duration retryWait = RETRY_FIRST;

    public JobConsumer(JobRunner runner, JobReporter reporter, JobStatusView view, JobHistory history,
            DeadLetters deadLetters, TrainerSettings settings, ShutdownInterrupts shutdown) {
        this.runner = runner;
        this.reporter = reporter;
        this.view = view;
        this.history = history;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.shutdown = shutdown;
    }

    /** A job being trained: where its record lies, its worker and how to stop it. */
    private record RunningJob(TopicPartition partition, long offset, String jobId, Future<?> future,
            Cancellation cancellation) {}

    /** Where the job loop stands, for the health check. */
    JobLoopState state() {
        return state;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        loop = new Thread(this::superviseLoop, "job-consumer");
        loop.start();
    }

    /**
     * Runs the consumer loop until the trainer stops. A loop that fails (the broker away longer than the client waits,
     * a commit refused in a rebalance, a dead letter not acknowledged) stops its job, which stays uncommitted, and a
     * new consumer takes over after a backoff, so a trainer never stops taking jobs while its health says UP.
     */
    private void superviseLoop() {
        Duration wait = RESTART_FIRST;
        while (running) {
            try {
                pollLoop();
            } catch (RuntimeException e) {
                if (state.lastPollNanos() > 0 && state.failure() == null) {
                    wait = RESTART_FIRST; // it had been polling: a new failure, not a repeat
                }
                String reason = Failures.reason(e);
                state = new JobLoopState(state.lastPollNanos(), reason);
                LOG.error("Job consumer failed ({}); a new one starts in {} s", reason, wait.toSeconds(), e);
                if (!sleep(wait)) {
                    return;
                }
                wait = Backoff.doubled(wait, RESTART_MAX);
            }
        }
    }

    /** Waits {@code wait} unless the trainer stops first; whether it still runs. */
    private boolean sleep(Duration wait) {
        try {
            return !stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS) && running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "jobs-" + settings.instanceId());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // a job's offset is committed when the job ends, never while it runs
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // jobs submitted before any trainer started must still run
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // one job at a time per trainer
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        // moving partitions to a new trainer must not stop the jobs other trainers are running
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // a trainer that died hands its job on after 15 s instead of the default 45 s
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "15000");
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        return p;
    }

    private void pollLoop() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties())) {
            consumer = kafka;
            kafka.subscribe(List.of(Topics.TRAINING_JOBS), new Rebalance(kafka));
            while (running) {
                var records = kafka.poll(POLL);
                state = new JobLoopState(System.nanoTime(), null);
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (current == null && !idle()) {
                        accept(kafka, record);
                    } else {
                        kafka.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
                    }
                }
                stopIfCancelled();
                finishIfDone(kafka);
                if (current == null && idleUntilNanos != 0 && !idle()) {
                    idleUntilNanos = 0;
                    kafka.resume(kafka.paused()); // the wait is over: take jobs again, the stopped one first
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            stopCurrent();
        }
    }

    private void accept(KafkaConsumer<String, byte[]> kafka, ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Optional<TrainingJobSubmitted> read = deadLetters.readOrDeadLetter(record, TrainingJobSubmitted.class, GROUP);
        if (read.isEmpty() || !JobIds.isValid(read.get().jobId())) {
            if (read.isPresent()) {
                DeadLetters.await(deadLetters.send(record, GROUP, "invalid job: " + JobIds.whyInvalid(
                        read.get().jobId())));
            }
            commit(kafka, partition, record.offset());
            return;
        }
        TrainingJobSubmitted job = read.get();
        Optional<TrainingJobStatusChanged> latest = history.latest(job.jobId());
        if (latest.isPresent() && !runsAgain(job, latest.get())) {
            LOG.info("Job {} already {}; not running it again", job.jobId(), latest.get().state());
            commit(kafka, partition, record.offset());
            return;
        }
        try {
            JobValidator.validate(job.spec());
        } catch (InvalidJobException e) {
            reporter.failed(job.jobId(), 1, e.getMessage());
            DeadLetters.await(deadLetters.send(record, GROUP, "invalid job " + job.jobId() + ": " + e.getMessage()));
            commit(kafka, partition, record.offset());
            return;
        }
        int attempt = latest.map(s -> s.attempt() + 1).orElse(1);
        reporter.accepted(job.jobId(), attempt, job.spec().budget().epochs());
        Cancellation cancellation = new Cancellation();
        TrainingJobSubmitted accepted = job;
        // a shutdown interrupts the job wherever it waits (an S3 retry, a send), so the trainer exits in its grace
        Future<?> future = jobThread.submit(() -> {
            shutdown.run(() -> runner.run(accepted, attempt, cancellation));
            return null;
        });
        current = new RunningJob(partition, record.offset(), job.jobId(), future, cancellation);
        kafka.pause(kafka.assignment());
    }

    /**
     * Whether {@code job} runs although it has a status: it has not ended, or it FAILED and this submission came
     * after the failure (a user resubmitting it, to resume from its newest checkpoint). A redelivered submission
     * never runs an ended job again, nor does any submission a COMPLETED one.
     */
    static boolean runsAgain(TrainingJobSubmitted job, TrainingJobStatusChanged latest) {
        return !latest.state().isFinal()
                || latest.state() == JobState.FAILED && job.submittedAt().isAfter(latest.at());
    }

    private void finishIfDone(KafkaConsumer<String, byte[]> kafka) {
        if (current == null || !current.future().isDone()) {
            return;
        }
        RunningJob done = current;
        current = null;
        try {
            done.future().get();
        } catch (Exception e) {
            Throwable cause = Failures.unwrap(e);
            if (cancelledByUser(done.jobId())) {
                LOG.info("Job {} stopped: cancelled by a user", done.jobId());
                commit(kafka, done.partition(), done.offset()); // ended: no trainer takes it again
                kafka.resume(kafka.paused());
                return;
            }
            if (cause instanceof StaleAttemptException) {
                LOG.warn("Job {} stopped: {}", done.jobId(), cause.getMessage());
            }
            // stopped, not failed, by a partition taken away, a newer attempt, or the trainer's own shutdown
            if (done.cancellation().isCancelled() || cause instanceof StaleAttemptException || shutdown.stopping()) {
                kafka.seek(done.partition(), done.offset()); // stopped, not finished: the job stays in Kafka
                kafka.resume(kafka.paused());
                return;
            }
            if (TransientFailures.isTransient(cause)) {
                LOG.warn("Job {} stopped by a failure that may pass ({}); it resumes from its newest checkpoint "
                        + "in {} s", done.jobId(), Failures.reason(cause), retryWait.toSeconds());
                kafka.seek(done.partition(), done.offset()); // not failed: the job stays in Kafka
                idleUntilNanos = System.nanoTime() + retryWait.toNanos();
                retryWait = Backoff.doubled(retryWait, RETRY_MAX);
                return; // partitions stay paused until the wait is over
            }
            String reason = Failures.reason(cause);
            LOG.error("Job {} failed: {}", done.jobId(), reason, cause);
            int attempt = view.latest(done.jobId()).map(TrainingJobStatusChanged::attempt).orElse(1);
            reporter.failed(done.jobId(), attempt, reason);
        }
        commit(kafka, done.partition(), done.offset());
        retryWait = RETRY_FIRST;
        kafka.resume(kafka.paused());
    }

    /** Stops the running job at its next step once a user has cancelled it. */
    private void stopIfCancelled() {
        if (current != null && !current.cancellation().isCancelled() && cancelledByUser(current.jobId())) {
            LOG.info("Job {} cancelled by a user: stopping it", current.jobId());
            current.cancellation().cancel();
        }
    }

    private boolean cancelledByUser(String jobId) {
        return view.latest(jobId).filter(s -> s.state() == JobState.CANCELLED).isPresent();
    }

    /** Whether the loop waits out a passing failure before taking a job. */
    private boolean idle() {
        return idleUntilNanos != 0 && System.nanoTime() < idleUntilNanos;
    }

    private static void commit(KafkaConsumer<String, byte[]> kafka, TopicPartition partition, long offset) {
        kafka.commitSync(Map.of(partition, new OffsetAndMetadata(offset + 1)));
    }

    private void stopCurrent() {
        RunningJob job = current;
        current = null;
        if (job != null) {
            job.cancellation().cancel();
            try {
                job.future().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                // cancelled or failed: either way it has stopped training, and its offset stays uncommitted
            }
        }
    }

    /** Stops the running job when its partition moves away; pauses partitions that arrive while busy. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> kafka;

        Rebalance(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (current != null && partitions.contains(current.partition())) {
                LOG.info("Partition {} moved away: stopping job {} (it resumes on its new trainer)",
                        current.partition(), current.jobId());
                stopCurrent();
                kafka.resume(kafka.paused()); // idle again: take jobs from the partitions that stay
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (current != null || idle()) {
                kafka.pause(partitions);
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        stopping.countDown();
        RunningJob job = current;
        if (job != null) {
            job.cancellation().cancel();
        }
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        if (loop != null) {
            loop.join(STOP_WAIT.toMillis());
        }
        jobThread.shutdownNow();
    }
}
