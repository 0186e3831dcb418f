package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.stack.EventLog;
import dev.squeezepipe.bench.stack.ServiceProcess;
import dev.squeezepipe.bench.stack.Waits;
import dev.squeezepipe.data.DatasetFormat;
import dev.squeezepipe.data.DatasetReader;
import dev.squeezepipe.data.DatasetReaders;
import dev.squeezepipe.data.Split;
import dev.squeezepipe.events.DatasetReady;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ingest SIGKILLed once it has announced its first shard, then run again: the dataset is announced ready once
 * per split, with every image, never half. Leaves the run's dataset id set.
 */
final class IngestKilled implements FaultScenario {

    @Override
    public String name() {
        return "ingest-killed-mid-ingest";
    }

    @Override
    public Outcome run(FaultRun run) throws Exception {
        EventLog log = run.log();
        ServiceProcess first = run.startIngest(true);
        if (!Waits.until(run.settings().startTimeout(), () -> !log.records(Topics.DATASET_SHARDS).isEmpty())) {
            return Outcome.failed("no shard announced within " + run.settings().startTimeout());
        }
        if (!first.kill()) {
            return Outcome.inconclusive("the ingest survived SIGKILL");
        }
        Waits.until(run.settings().startTimeout(), log::caughtUp);
        int announced = log.records(Topics.DATASET_SHARDS).size();
        if (!log.records(Topics.DATASET_READY).isEmpty()) {
            return Outcome.inconclusive("the ingest announced its dataset ready before it was killed");
        }
        String datasetId = log.values(Topics.DATASET_SHARDS, DatasetShardAnnounced.class).get(0).datasetId();
        run.awaitHealthy(List.of(run.startIngest(true)));
        if (!Waits.until(run.settings().settleTimeout(), () -> readies(run, datasetId).size() == 2)) {
            return Outcome.failed("dataset " + datasetId + " not ready within " + run.settings().settleTimeout()
                    + " of the second ingest");
        }
        Waits.until(run.settings().startTimeout(), log::caughtUp);
        run.datasetId(datasetId);
        return verdict(run, datasetId, announced);
    }

    private static Outcome verdict(FaultRun run, String datasetId, int announced) throws Exception {
        Map<String, List<DatasetReady>> bySplit = run.log().values(Topics.DATASET_READY, DatasetReady.class).stream()
                .filter(r -> r.datasetId().equals(datasetId)).collect(Collectors.groupingBy(DatasetReady::split));
        DatasetReader reader = DatasetReaders.open(run.settings().data(), DatasetFormat.AUTO, 32);
        StringBuilder found = new StringBuilder();
        boolean whole = true;
        for (Split split : Split.values()) {
            List<DatasetReady> readies = bySplit.getOrDefault(split.id(), List.of());
            long expected = expectedImages(reader, split, run.settings().ingestLimit());
            long images = readies.isEmpty() ? 0 : readies.get(0).images();
            whole &= readies.size() == 1 && images == expected;
            found.append(String.format("; %s ready %d time(s) with %d of %d images", split.id(), readies.size(),
                    images, expected));
        }
        String detail = "killed after " + announced + " shard announcement(s), before any ready" + found;
        return whole ? Outcome.passed(detail) : Outcome.failed(detail);
    }

    private static List<DatasetReady> readies(FaultRun run, String datasetId) {
        return run.log().values(Topics.DATASET_READY, DatasetReady.class).stream()
                .filter(r -> r.datasetId().equals(datasetId)).toList();
    }

    private static long expectedImages(DatasetReader reader, Split split, int limit) throws Exception {
        long known = reader.knownCount(split);
        long all = known >= 0 ? known : reader.count(split);
        return limit > 0 ? Math.min(limit, all) : all;
    }
}
