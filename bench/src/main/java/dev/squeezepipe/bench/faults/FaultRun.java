package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.stack.EventLog;
import dev.squeezepipe.bench.stack.ProcessStack;
import dev.squeezepipe.bench.stack.Service;
import dev.squeezepipe.bench.stack.ServiceProcess;
import dev.squeezepipe.bench.stack.Waits;
import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One fault bench run: the stack, the service processes by role, the bench's record of what the services said and
 * of what it sent, and the waits the scenarios share.
 */
final class FaultRun {

    private final ProcessStack stack;
    private final EventLog log;
    private final GroundTruth truth;
    private final Traffic traffic;
    private final FaultSettings settings;
    private final List<ServiceProcess> trainers = new ArrayList<>();
    private final List<ServiceProcess> predictors = new ArrayList<>();
    private ServiceProcess evaluator;
    private ServiceProcess ingest;
    private String datasetId;

    FaultRun(ProcessStack stack, EventLog log, GroundTruth truth, Traffic traffic, FaultSettings settings) {
        this.stack = stack;
        this.log = log;
        this.truth = truth;
        this.traffic = traffic;
        this.settings = settings;
    }

    ProcessStack stack() {
        return stack;
    }

    EventLog log() {
        return log;
    }

    GroundTruth truth() {
        return truth;
    }

    Traffic traffic() {
        return traffic;
    }

    FaultSettings settings() {
        return settings;
    }

    String datasetId() {
        return datasetId;
    }

    void datasetId(String datasetId) {
        this.datasetId = datasetId;
    }

    List<ServiceProcess> trainers() {
        return trainers;
    }

    /** The running trainer named {@code name} (its instance id, which its status events carry). */
    ServiceProcess trainer(String name) {
        return trainers.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no trainer " + name + " among " + trainers));
    }

    List<ServiceProcess> predictors() {
        return predictors;
    }

    ServiceProcess evaluator() {
        return evaluator;
    }

    ServiceProcess ingest() {
        return ingest;
    }

    /** Every service process now running, ingest included. */
    List<ServiceProcess> running() {
        List<ServiceProcess> all = new ArrayList<>(trainers);
        all.addAll(predictors);
        if (evaluator != null) {
            all.add(evaluator);
        }
        if (ingest != null) {
            all.add(ingest);
        }
        return all.stream().filter(ServiceProcess::alive).toList();
    }

    /** Starts the ingest process; with {@code ingestData}, it ingests the bench's dataset at start. */
    ServiceProcess startIngest(boolean ingestData) throws Exception {
        if (ingest != null && ingest.alive()) {
            ingest.terminate(Duration.ofSeconds(30));
        }
        ingest = stack.launch(Service.INGEST, "ingest", Map.of(
                "INGEST_DATA", ingestData ? settings.data().toString() : "",
                "INGEST_LIMIT", String.valueOf(settings.ingestLimit())));
        return ingest;
    }

    /** Starts a trainer named {@code name} (also its instance id, which its status events carry). */
    ServiceProcess startTrainer(String name) throws Exception {
        trainers.removeIf(t -> t.name().equals(name));
        ServiceProcess trainer = stack.launch(Service.TRAINER, name, Map.of("TRAINER_ID", name));
        trainers.add(trainer);
        return trainer;
    }

    ServiceProcess startEvaluator() throws Exception {
        evaluator = stack.launch(Service.EVALUATOR, "evaluator", Map.of());
        return evaluator;
    }

    ServiceProcess startPredictor(String name) throws Exception {
        predictors.removeIf(p -> p.name().equals(name));
        ServiceProcess predictor = stack.launch(Service.PREDICTOR, name, Map.of());
        predictors.add(predictor);
        return predictor;
    }

    /**
     * Starts the pipeline's services: the trainers, evaluator and predictors named, and an idle ingest (it ingests
     * on request only, so no restart announces the dataset again); waits until all are UP.
     */
    void startServices(List<String> trainerNames, List<String> predictorNames) throws Exception {
        List<ServiceProcess> started = new ArrayList<>();
        for (String name : trainerNames) {
            started.add(startTrainer(name));
        }
        started.add(startEvaluator());
        for (String name : predictorNames) {
            started.add(startPredictor(name));
        }
        started.add(startIngest(false));
        awaitHealthy(started);
    }

    /** Starts every service again under its name, after all were stopped. */
    void restartServices() throws Exception {
        startServices(trainers.stream().map(ServiceProcess::name).toList(),
                predictors.stream().map(ServiceProcess::name).toList());
    }

    /**
     * Waits until every one of {@code processes} reports UP, but a predictor only answering (it is DOWN until it
     * has a model), or fails naming the one that did not.
     */
    void awaitHealthy(List<ServiceProcess> processes) throws InterruptedException {
        for (ServiceProcess process : processes) {
            boolean predictor = predictors.contains(process);
            if (!Waits.until(settings.startTimeout(), predictor ? process::answering : process::healthy)) {
                throw new IllegalStateException(process + " not " + (predictor ? "answering" : "UP") + " within "
                        + settings.startTimeout() + "; its last output:\n" + String.join("\n", process.tail(30)));
            }
        }
    }

    /** The bench's small job: a few epochs on a slice of the training split, a checkpoint every epoch. */
    TrainingJobSpec job(int epochs) {
        return TrainingJobSpec.plain(datasetId, Network.cifar10("cifar", 32), epochs, 64)
                .withTrainLimit(settings.trainImages());
    }

    /** Submits a job of {@code epochs} and returns its id once its first checkpoint is published. */
    String jobPastFirstCheckpoint(int epochs) throws Exception {
        String jobId = traffic.submit(job(epochs));
        if (!Waits.until(settings.settleTimeout(), () -> !checkpoints(jobId).isEmpty())) {
            throw new IllegalStateException("job " + jobId + " made no checkpoint within " + settings.settleTimeout());
        }
        return jobId;
    }

    /** Waits until the job has finished and every checkpoint it published is evaluated; true if that came in time. */
    boolean awaitJobEvaluated(String jobId) throws InterruptedException {
        return Waits.until(settings.settleTimeout(), () -> finished(jobId)
                && checkpoints(jobId).stream().allMatch(c -> evaluated(c.checkpointId())));
    }

    /**
     * Sends a burst of {@code requests} and returns once a tenth of it is answered, with how many of it were
     * answered by then: the burst is under way.
     */
    int burstUnderway(int requests) throws InterruptedException {
        int settledBefore = requestsSettled();
        traffic.burst(requests);
        if (!Waits.until(settings.settleTimeout(), () -> requestsSettled() - settledBefore >= requests / 10)) {
            throw new IllegalStateException("fewer than " + requests / 10 + " of " + requests
                    + " requests answered within " + settings.settleTimeout());
        }
        return requestsSettled() - settledBefore;
    }

    List<TrainingJobStatusChanged> statuses(String jobId) {
        return log.values(Topics.TRAINING_JOB_STATUS, TrainingJobStatusChanged.class).stream()
                .filter(s -> s.jobId().equals(jobId)).toList();
    }

    Optional<TrainingJobStatusChanged> latest(String jobId) {
        List<TrainingJobStatusChanged> all = statuses(jobId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    boolean finished(String jobId) {
        return latest(jobId).map(s -> s.state().isFinal()).orElse(false);
    }

    List<CheckpointPublished> checkpoints(String runId) {
        return log.values(Topics.CHECKPOINTS, CheckpointPublished.class).stream()
                .filter(c -> c.runId().equals(runId)).toList();
    }

    boolean evaluated(String checkpointId) {
        return log.values(Topics.EVALUATIONS, CheckpointEvaluated.class).stream()
                .anyMatch(e -> e.checkpointId().equals(checkpointId));
    }

    /** SIGKILLs the broker, keeps it away for the outage, and starts it again on the same port and data. */
    void brokerOutage() throws Exception {
        stack.killBroker();
        Thread.sleep(settings.outage().toMillis()); // the outage itself: the services are meant to ride it out
        stack.startBroker();
    }

    /**
     * Stops the S3 server, keeps it away for the outage, and starts it again; returns how much {@code metric}
     * rose on {@code service} while it was away.
     */
    double s3Outage(ServiceProcess service, String metric) throws Exception {
        double before = service.metric(metric);
        stack.stopS3();
        try {
            Thread.sleep(settings.outage().toMillis()); // the outage itself
            return service.metric(metric) - before;
        } finally {
            stack.startS3();
        }
    }

    /** The sum of {@code metric} over the running predictors. */
    double predictorMetric(String metric) throws Exception {
        double sum = 0;
        for (ServiceProcess predictor : predictors) {
            if (predictor.alive()) {
                sum += predictor.metric(metric);
            }
        }
        return sum;
    }

    /** Waits until every request sent is answered or dead-lettered: passed, or failed naming how many are not. */
    FaultScenario.Outcome awaitRequestsSettled(String detail) throws InterruptedException {
        if (Waits.until(settings.settleTimeout(), () -> truth.unansweredRequests(log).isEmpty())) {
            return FaultScenario.Outcome.passed(detail + "; then every request answered or dead-lettered");
        }
        return FaultScenario.Outcome.failed(detail + "; " + truth.unansweredRequests(log).size()
                + " request(s) neither answered nor dead-lettered within " + settings.settleTimeout());
    }

    /** Answers and dead letters of the bench's requests so far. */
    int requestsSettled() {
        return truth.requestsSent() - truth.unansweredRequests(log).size();
    }
}
