package io.coursetracker.contracts.catalog;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The catalogs the platform ships, read from {@code catalogs/<id>.json} on the class path. They are
 * data, not code: editing a file changes the catalog, and {@link CatalogReader} validates it on load.
 */
public final class BundledCatalogs {

    /** fast.ai Practical Deep Learning for Coders (2022), Part 1, lessons 1–8. */
    public static final String FASTAI_PART1_2022 = "fastai-part1-2022";

    /** The ids of every shipped catalog; each is {@code catalogs/<id>.json}. */
    public static final List<String> IDS = List.of(FASTAI_PART1_2022);

    private static final List<CourseCatalog> ALL = IDS.stream().map(BundledCatalogs::load).toList();

    private BundledCatalogs() {
    }

    /** Every shipped catalog, in {@link #IDS} order. */
    public static List<CourseCatalog> all() {
        return ALL;
    }

    public static Optional<CourseCatalog> get(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The catalogs of these course ids, in their order; ids without a catalog are left out. */
    public static List<CourseCatalog> forIds(java.util.Collection<String> ids) {
        return ids.stream().map(BundledCatalogs::get).flatMap(Optional::stream).toList();
    }

    public static CourseCatalog fastaiPart1() {
        return get(FASTAI_PART1_2022).orElseThrow();
    }

    /** Reads {@code catalogs/<id>.json}; fails if it is missing, invalid, or holds another id. */
    static CourseCatalog load(String id) {
        String resource = "catalogs/" + id + ".json";
        InputStream in = BundledCatalogs.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled catalog " + resource + " is not on the class path");
        }
        CourseCatalog catalog = CatalogReader.read(in);
        if (!catalog.id().equals(id)) {
            throw new IllegalStateException(resource + " holds course '" + catalog.id() + "', not '" + id + "'");
        }
        return catalog;
    }
}
