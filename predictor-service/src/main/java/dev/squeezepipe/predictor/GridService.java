package dev.squeezepipe.predictor;

import dev.squeezepipe.data.Split;
import dev.squeezepipe.modelstore.SplitData;
import dev.squeezepipe.modelstore.StoredSplits;
import dev.squeezepipe.preprocess.Images;
import dev.squeezepipe.preprocess.PredictionGrid;
import dev.squeezepipe.storage.CheckpointSidecar;
import io.micronaut.context.annotation.Requires;
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
    private final StoredSplits splits;
    private final PredictorSettings settings;

    public GridService(Classifier classifier, ModelSwapper swapper, StoredSplits splits, PredictorSettings settings) {
        this.classifier = classifier;
        this.swapper = swapper;
        this.splits = splits;
        this.settings = settings;
    }

    /** The PNG; fails when no model is served or its dataset's test split is not stored. */
    public byte[] png() throws IOException, InterruptedException {
        CheckpointSidecar served = swapper.currentSidecar();
        if (served == null) {
            throw new IllegalStateException("no model loaded yet");
        }
        SplitData test = splits.load(settings.datasetsBucket(), served.spec().datasetId(), Split.TEST, IMAGES);
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
