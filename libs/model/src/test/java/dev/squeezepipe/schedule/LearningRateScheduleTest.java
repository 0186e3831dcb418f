package dev.squeezepipe.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.squeezepipe.spec.DecayMode;
import dev.squeezepipe.testing.CifarFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LearningRateScheduleTest {

    static Stream<JsonNode> goldenCases() throws IOException {
        Path golden = CifarFixtures.sharedArchive().getParent().getParent().resolve("golden/lr_schedules.json");
        List<JsonNode> cases = new ArrayList<>();
        new ObjectMapper().readTree(golden.toFile()).get("cases").forEach(cases::add);
        assertEquals(12, cases.size(), "the golden file holds 12 cases");
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("goldenCases")
    void equalsTheRecipesArrayBitForBit(JsonNode golden) {
        ScheduleSpec spec = new ScheduleSpec(DecayMode.parse(golden.get("lr_decay_mode").asText()),
                golden.get("lr_init").asDouble(), golden.get("lr_end").asDouble(), golden.get("lr_max").asDouble(),
                golden.get("total_epochs").asInt(), golden.get("warmup_epochs").asInt(),
                golden.get("pretrain_epochs").asInt(), golden.get("steps_per_epoch").asInt());
        float[] values = new LearningRateSchedule(spec).values();
        JsonNode expected = golden.get("float32_values");
        assertEquals(expected.size(), values.length, "length for " + spec);
        for (int i = 0; i < values.length; i++) {
            float want = (float) expected.get(i).asDouble();
            assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(values[i]),
                    () -> spec.mode() + " step " + " differs: " + values.length);
        }
    }

    @Test
    void firstOptimizerUpdateIsStepZero() {
        LearningRateSchedule schedule = new LearningRateSchedule(
                new ScheduleSpec(DecayMode.LINEAR, 0.0, 0.0, 0.01, 30, 5, 0, 100));
        assertEquals(schedule.valueAt(0), schedule.getNewValue(1));
        assertEquals(schedule.valueAt(1), schedule.getNewValue(2));
        assertEquals(schedule.valueAt(schedule.length() - 1), schedule.getNewValue(Integer.MAX_VALUE));
        assertEquals(schedule.valueAt(700), LearningRateSchedule.resumedAfter(schedule, 700).getNewValue(1),
                "a resumed run goes on");
    }

    @Test
    void rejectsPretrainBeyondTheSchedule() {
        assertThrows(IllegalArgumentException.class,
                () -> new ScheduleSpec(DecayMode.POLY, 0, 0, 0.1, 5, 1, 5, 10));
        assertThrows(IllegalArgumentException.class, () -> DecayMode.parse("exponential"));
    }
}
