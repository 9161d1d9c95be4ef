package io.coursetracker.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The part of Kustomize that deploy/k8s uses, enough to render its trees without a kustomize
 * binary: {@code resources} (files and directories), {@code namespace}, {@code replicas},
 * {@code images} and {@code patches} (JSON 6902 operations with a target, or strategic-merge
 * maps, with or without one). Any other kustomization field fails the render, so a manifest
 * that starts using one fails the test instead of being checked half-rendered.
 * {@code KubernetesManifestsTest} compares this renderer's output with {@code kubectl kustomize}
 * where one is installed.
 */
final class Kustomize {
    private static final Set<String> SUPPORTED = Set.of(
            "apiVersion", "kind", "namespace", "resources", "replicas", "images", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    private Kustomize() {
    }

    static List<Map<String, Object>> build(Path dir) {
        Map<String, Object> k = map(loadAll(dir.resolve("kustomization.yaml")).get(0), "kustomization");
        for (String key : k.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalStateException(dir + "/kustomization.yaml uses '" + key
                        + "', which this renderer does not follow; teach Kustomize.java or do without it");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : list(k.getOrDefault("resources", List.of()))) {
            Path p = dir.resolve((String) r).normalize();
            if (Files.isDirectory(p)) {
                out.addAll(build(p));
            } else {
                for (Object doc : loadAll(p)) {
                    out.add(map(doc, p.toString()));
                }
            }
        }
        for (Object p : list(k.getOrDefault("patches", List.of()))) {
            applyPatch(dir, map(p, "patch"), out);
        }
        for (Object r : list(k.getOrDefault("replicas", List.of()))) {
            Map<String, Object> rep = map(r, "replicas");
            Map<String, Object> target = find(out, Set.of("Deployment", "StatefulSet", "ReplicaSet"), (String) rep.get("name"));
            spec(target).put("replicas", rep.get("count"));
        }
        for (Object i : list(k.getOrDefault("images", List.of()))) {
            setImage(map(i, "images"), out);
        }
        Object namespace = k.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> r : out) {
                if (!CLUSTER_SCOPED.contains(r.get("kind"))) {
                    metadata(r).put("namespace", namespace);
                }
            }
        }
        return out;
    }

    static List<Object> loadAll(Path file) {
        try {
            return parseAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Object> parseAll(String yaml) {
        List<Object> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (doc != null) {
                docs.add(doc);
            }
        }
        return docs;
    }

    private static void applyPatch(Path dir, Map<String, Object> patch, List<Map<String, Object>> resources) {
        String text;
        if (patch.containsKey("path")) {
            try {
                text = Files.readString(dir.resolve((String) patch.get("path")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            text = (String) Objects.requireNonNull(patch.get("patch"), "a patch needs path or patch");
        }
        Object body = parseAll(text).get(0);
        Map<String, Object> target = patch.containsKey("target") ? map(patch.get("target"), "target") : null;
        List<Map<String, Object>> matched = new ArrayList<>();
        if (target != null) {
            for (Map<String, Object> r : resources) {
                if (matches(r, target)) {
                    matched.add(r);
                }
            }
        } else {
            Map<String, Object> sm = map(body, "strategic-merge patch");
            matched.add(find(resources, Set.of((String) sm.get("kind")), (String) metadata(sm).get("name")));
        }
        if (matched.isEmpty()) {
            throw new IllegalStateException("patch in " + dir + " matches no resource: " + target);
        }
        for (Map<String, Object> r : matched) {
            if (body instanceof List<?> ops) {
                for (Object op : ops) {
                    JsonPatch.apply(r, map(op, "operation"));
                }
            } else {
                merge(r, map(body, "strategic-merge patch"));
            }
        }
    }

    private static boolean matches(Map<String, Object> r, Map<String, Object> target) {
        for (Map.Entry<String, Object> e : target.entrySet()) {
            Object actual = switch (e.getKey()) {
                case "kind" -> r.get("kind");
                case "name" -> metadata(r).get("name");
                default -> throw new IllegalStateException("unsupported patch target field " + e.getKey());
            };
            if (!e.getValue().equals(actual)) {
                return false;
            }
        }
        return true;
    }

    /** Strategic merge as deploy/k8s needs it: maps merge, lists of named maps merge by name, null deletes. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object old = into.get(e.getKey());
            Object value = e.getValue();
            if (value == null) {
                into.remove(e.getKey());
            } else if (old instanceof Map<?, ?> o && value instanceof Map<?, ?> v) {
                merge((Map<String, Object>) o, (Map<String, Object>) v);
            } else if (old instanceof List<?> o && value instanceof List<?> v && named(o) && named(v)) {
                List<Object> merged = new ArrayList<>(o);
                for (Object item : v) {
                    Map<String, Object> m = (Map<String, Object>) item;
                    Map<String, Object> existing = merged.stream().map(x -> (Map<String, Object>) x)
                            .filter(x -> m.get("name").equals(x.get("name"))).findFirst().orElse(null);
                    if (existing == null) {
                        merged.add(m);
                    } else {
                        merge(existing, m);
                    }
                }
                into.put(e.getKey(), merged);
            } else {
                into.put(e.getKey(), value);
            }
        }
    }

    private static boolean named(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(x -> x instanceof Map<?, ?> m && m.get("name") != null);
    }

    @SuppressWarnings("unchecked")
    private static void setImage(Map<String, Object> image, List<Map<String, Object>> resources) {
        String name = (String) image.get("name");
        for (Map<String, Object> r : resources) {
            if (!"Deployment".equals(r.get("kind"))) {
                continue;
            }
            Map<String, Object> pod = map(map(spec(r).get("template"), "template").get("spec"), "pod spec");
            for (Object c : list(pod.get("containers"))) {
                Map<String, Object> container = (Map<String, Object>) c;
                String current = (String) container.get("image");
                int colon = current.lastIndexOf(':');
                String repo = colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
                String tag = colon > current.lastIndexOf('/') ? current.substring(colon + 1) : null;
                if (repo.equals(name)) {
                    String newRepo = (String) image.getOrDefault("newName", repo);
                    String newTag = (String) image.getOrDefault("newTag", tag);
                    container.put("image", newTag == null ? newRepo : newRepo + ":" + newTag);
                }
            }
        }
    }

    static Map<String, Object> find(List<Map<String, Object>> resources, Set<String> kinds, String name) {
        return resources.stream()
                .filter(r -> kinds.contains(r.get("kind")) && name.equals(metadata(r).get("name")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + kinds + " named " + name));
    }

    static Map<String, Object> metadata(Map<String, Object> r) {
        return map(r.get("metadata"), "metadata of " + r.get("kind"));
    }

    static Map<String, Object> spec(Map<String, Object> r) {
        return map(r.get("spec"), "spec of " + r.get("kind"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalStateException(what + " is not a map: " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        if (!(o instanceof List<?>)) {
            throw new IllegalStateException("not a list: " + o);
        }
        return (List<Object>) o;
    }

    /** RFC 6902 add, replace and remove, with RFC 6901 pointers. */
    static final class JsonPatch {
        private JsonPatch() {
        }

        @SuppressWarnings("unchecked")
        static void apply(Map<String, Object> doc, Map<String, Object> op) {
            String path = (String) op.get("path");
            String[] parts = path.substring(1).split("/", -1);
            Object parent = doc;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = child(parent, unescape(parts[i]), path);
            }
            String last = unescape(parts[parts.length - 1]);
            Object value = copy(op.get("value"));
            String kind = (String) op.get("op");
            if (parent instanceof Map<?, ?> m) {
                Map<String, Object> target = (Map<String, Object>) m;
                switch (kind) {
                    case "add" -> target.put(last, value);
                    case "replace", "remove" -> {
                        if (!target.containsKey(last)) {
                            throw new IllegalStateException(kind + " " + path + ": no such member");
                        }
                        if (kind.equals("replace")) {
                            target.put(last, value);
                        } else {
                            target.remove(last);
                        }
                    }
                    default -> throw new IllegalStateException("unsupported op " + kind);
                }
            } else if (parent instanceof List<?> l) {
                List<Object> target = (List<Object>) l;
                int index = last.equals("-") ? target.size() : Integer.parseInt(last);
                switch (kind) {
                    case "add" -> target.add(index, value);
                    case "replace" -> target.set(index, value);
                    case "remove" -> target.remove(index);
                    default -> throw new IllegalStateException("unsupported op " + kind);
                }
            } else {
                throw new IllegalStateException(path + ": parent is neither a map nor a list");
            }
        }

        private static Object child(Object parent, String key, String path) {
            Object next = parent instanceof Map<?, ?> m ? m.get(key)
                    : parent instanceof List<?> l ? l.get(Integer.parseInt(key)) : null;
            if (next == null) {
                throw new IllegalStateException(path + ": no " + key);
            }
            return next;
        }

        private static String unescape(String s) {
            return s.replace("~1", "/").replace("~0", "~");
        }

        @SuppressWarnings("unchecked")
        private static Object copy(Object value) {
            if (value instanceof Map<?, ?> m) {
                Map<String, Object> c = new LinkedHashMap<>();
                ((Map<String, Object>) m).forEach((k, v) -> c.put(k, copy(v)));
                return c;
            }
            if (value instanceof List<?> l) {
                List<Object> c = new ArrayList<>();
                l.forEach(v -> c.add(copy(v)));
                return c;
            }
            return value;
        }
    }
}
