package dev.squeezepipe.predictor;

import dev.squeezepipe.data.Split;
import dev.squeezepipe.preprocess.Images;
import dev.squeezepipe.preprocess.PredictionGrid;
import dev.squeezepipe.service.Cancellation;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.service.ShardCache;
import dev.squeezepipe.service.SplitData;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.storage.SplitManifest;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The tutorial's picture for the served model: its dataset's first 32 test images with their predictions. */
@Singleton
@Requires(env = "predictor")
public class GridService {

    /** Images in the picture, as in the tutorial. */
    public static final int IMAGES = 32;

    private final Classifier classifier;
    private final ModelSwapper swapper;
    private final ObjectStore store;
    private final ShardCache cache;
    private final JsonMapper json;
    private final PredictorSettings settings;

    public GridService(Classifier classifier, ModelSwapper swapper, ObjectStore store, ShardCache cache,
            JsonMapper json, PredictorSettings settings) {
        this.classifier = classifier;
        this.swapper = swapper;
        this.store = store;
        this.cache = cache;
        this.json = json;
        this.settings = settings;
    }

    /** The PNG; fails when no model is served or its dataset's test split is not stored. */
    public byte[] png() throws IOException, InterruptedException {
        CheckpointSidecar served = swapper.currentSidecar();
        if (served == null) {
            throw new IllegalStateException("no model loaded yet");
        }
        String key = ObjectLayout.manifestKey(served.spec().datasetId(), Split.TEST.id());
        SplitManifest manifest = json.readValue(store.get(settings.getDatasetsBucket(), key), SplitManifest.class);
        SplitData test = SplitData.load(manifest.shards(), cache, IMAGES, new Cancellation());
        var batch = test.asImageBatch("test");
        List<CompletableFuture<Prediction>> predictions = new ArrayList<>();
        for (int i = 0; i < batch.count(); i++) {
            predictions.add(classifier.classify(new Images.Decoded(batch.height(), batch.width(), batch.image(i))));
        }
        List<PredictionGrid.Cell> cells = new ArrayList<>();
        for (int i = 0; i < batch.count(); i++) {
            cells.add(new PredictionGrid.Cell(batch.image(i), batch.height(), batch.width(), batch.labels()[i],
                    predictions.get(i).join().top().get(0).label()));
        }
        return PredictionGrid.png(cells);
    }
}
