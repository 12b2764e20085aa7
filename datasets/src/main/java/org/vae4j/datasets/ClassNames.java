package org.vae4j.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The names of the ten classes of the data sets vae4j reads, for plot legends. */
public final class ClassNames {
    private static final Map<String, List<String>> NAMES = Map.of(
            "fashion-mnist", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                    "Sneaker", "Bag", "Ankle boot"),
            "mnist", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            // Kuzushiji-MNIST's hiragana, romanized: not every font has the glyphs
            "kmnist", List.of("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"),
            "cifar10", List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
                    "truck"),
            "cifar-10", List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
                    "truck"));

    private ClassNames() {
    }

    /**
     * @param dataset the spec's data set name
     * @param classes how many names are needed (one more than the largest label)
     * @return a name per label; "class k" where the data set has no name for k
     */
    public static List<String> of(String dataset, int classes) {
        List<String> known = NAMES.getOrDefault(dataset == null ? "" : dataset.toLowerCase(Locale.ROOT), List.of());
        List<String> out = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            out.add(k < known.size() ? known.get(k) : "class " + k);
        }
        return out;
    }
}
