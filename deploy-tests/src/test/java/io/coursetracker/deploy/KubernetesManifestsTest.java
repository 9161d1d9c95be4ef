package io.coursetracker.deploy;

import io.coursetracker.contracts.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.coursetracker.deploy.Kustomize.list;
import static io.coursetracker.deploy.Kustomize.map;
import static io.coursetracker.deploy.Kustomize.metadata;
import static io.coursetracker.deploy.Kustomize.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders deploy/k8s (the base and every overlay) with {@link Kustomize} and checks what a
 * cluster would only tell at apply or run time: probes on the services' real ports and paths,
 * every env var a service reads is set, every ConfigMap and Secret reference resolves, the
 * ConfigMap points at the Kafka and PostgreSQL clusters that exist, and the KafkaTopics are
 * exactly the platform's topics with local-stack's settings. Plain JUnit: no cluster, no network.
 */
class KubernetesManifestsTest {
    static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final List<String> SERVICES = List.of("ingest-service", "progress-service", "tracker-api");
    static final String IMAGE_REPO = "ghcr.io/course-tracker/";

    /** Secrets made by hand, never committed (README, "Kubernetes"), with the keys they must hold. */
    static final Map<String, Set<String>> SECRETS_MADE_BY_HAND = Map.of("tracker-admin-token", Set.of("token"));

    /** What CloudNativePG writes into {@code <cluster>-app} for the owner of bootstrap.initdb. */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of(
            "username", "user", "password", "dbname", "host", "port", "uri", "jdbc-uri", "pgpass");

    // ---------------------------------------------------------------- every tree

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void everyTreeRendersToConsistentResources(String tree) {
        Rendered r = render(tree);
        List<String> problems = new ArrayList<>();
        checkIdentity(r, problems);
        for (String service : SERVICES) {
            checkService(r, service, problems);
        }
        checkReferences(r, problems);
        checkConfigPointsAtWhatExists(r, problems);
        checkKafka(r, problems);
        checkTopics(r, problems);
        checkPostgres(r, problems);
        checkAutoscalers(r, problems);
        assertThat(problems).as("problems in deploy/k8s/" + tree).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void productionKeepsEveryTopicOnThreeBrokersWithTwoInSync(String tree) {
        Rendered r = render(tree);
        assertThat(r.all("KafkaTopic")).isNotEmpty().allSatisfy(t -> {
            assertThat(spec(t).get("replicas")).as(name(t) + " replicas").isEqualTo(3);
            assertThat(number(configOf(t).get("min.insync.replicas"))).as(name(t) + " min.insync.replicas").isEqualTo(2);
        });
        assertThat(brokers(r)).isEqualTo(3);
        assertThat(r.all("Cluster")).hasSize(3).allSatisfy(c -> assertThat(spec(c).get("instances")).isEqualTo(3));
    }

    @Test
    void replicasPerTree() {
        assertThat(replicas(render("base"))).isEqualTo(Map.of("ingest-service", 2, "progress-service", 3, "tracker-api", 2));
        assertThat(replicas(render("overlays/production"))).isEqualTo(Map.of("ingest-service", 2, "progress-service", 3, "tracker-api", 2));
        assertThat(replicas(render("overlays/dev"))).isEqualTo(Map.of("ingest-service", 1, "progress-service", 1, "tracker-api", 1));
    }

    @Test
    void theKafkaTopicsAreExactlyThePlatformsTopicsWithLocalStacksSettings() throws Exception {
        Rendered r = render("base");
        Map<String, Map<String, Object>> declared = new TreeMap<>();
        r.all("KafkaTopic").forEach(t -> declared.put(topicName(t), t));

        Set<String> expected = new TreeSet<>(contractTopics());
        assertThat(declared.keySet()).as("KafkaTopics vs contracts' Topics").isEqualTo(expected);

        for (NewTopic local : stackTopics()) {
            Map<String, Object> t = declared.get(local.name());
            assertThat(t).as("KafkaTopic for " + local.name()).isNotNull();
            assertThat(spec(t).get("partitions")).as(local.name() + " partitions").isEqualTo(local.numPartitions());
            Map<String, String> localConfig = local.configs() == null ? Map.of() : local.configs();
            Map<String, Object> config = configOf(t);
            assertThat(String.valueOf(config.getOrDefault("cleanup.policy", "delete")))
                    .as(local.name() + " cleanup.policy").isEqualTo(localConfig.getOrDefault("cleanup.policy", "delete"));
            assertThat(Optional.ofNullable(config.get("retention.ms")).map(String::valueOf))
                    .as(local.name() + " retention.ms").isEqualTo(Optional.ofNullable(localConfig.get("retention.ms")));
        }
    }

    /**
     * Where {@code kubectl} (with its built-in kustomize) or {@code kustomize} is installed, the
     * real renderer must produce the same resources as {@link Kustomize}; otherwise skipped.
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/production"})
    void realKustomizeRendersTheSameResources(String tree) throws Exception {
        List<String> command = kustomizeCommand(K8S.resolve(tree));
        Assumptions.assumeTrue(command != null, "neither kubectl nor kustomize is on the PATH");
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + err).isZero();

        Map<String, Object> real = new TreeMap<>();
        for (Object doc : Kustomize.parseAll(out)) {
            Map<String, Object> m = map(doc, "resource");
            real.put(m.get("kind") + "/" + metadata(m).get("name"), m);
        }
        Map<String, Object> ours = new TreeMap<>();
        render(tree).resources.forEach(m -> ours.put(m.get("kind") + "/" + metadata(m).get("name"), m));
        assertThat(ours.keySet()).isEqualTo(real.keySet());
        for (String key : real.keySet()) {
            assertThat(ours.get(key)).as(key).isEqualTo(real.get(key));
        }
    }

    // ---------------------------------------------------------------- checks

    private static void checkIdentity(Rendered r, List<String> problems) {
        Set<String> seen = new TreeSet<>();
        for (Map<String, Object> res : r.resources) {
            if (!(res.get("apiVersion") instanceof String) || !(res.get("kind") instanceof String)
                    || !(res.get("metadata") instanceof Map<?, ?> md) || !(md.get("name") instanceof String)) {
                problems.add("resource without apiVersion, kind or metadata.name: " + res);
                continue;
            }
            if (!seen.add(res.get("kind") + "/" + name(res))) {
                problems.add("two resources " + res.get("kind") + "/" + name(res));
            }
            if (!"Namespace".equals(res.get("kind")) && !"course-tracker".equals(metadata(res).get("namespace"))) {
                problems.add(res.get("kind") + "/" + name(res) + " is not in namespace course-tracker");
            }
        }
    }

    private static void checkService(Rendered r, String service, List<String> problems) {
        Map<String, Object> deployment = r.one("Deployment", service);
        if (deployment == null) {
            problems.add("no Deployment " + service);
            return;
        }
        int port = httpPort(service);
        Map<String, Object> template = map(spec(deployment).get("template"), "template");
        Map<String, Object> podLabels = map(metadata(template).get("labels"), "pod labels");
        Map<String, Object> pod = map(template.get("spec"), "pod spec");
        Map<String, Object> selector = map(map(spec(deployment).get("selector"), "selector").get("matchLabels"), "matchLabels");
        if (!podLabels.entrySet().containsAll(selector.entrySet())) {
            problems.add(service + ": selector " + selector + " does not select its pods " + podLabels);
        }
        List<Object> containers = list(pod.get("containers"));
        Map<String, Object> c = map(containers.get(0), "container");
        String image = (String) c.get("image");
        if (!image.startsWith(IMAGE_REPO + service + ":")) {
            problems.add(service + ": image " + image + " is not " + IMAGE_REPO + service + ":<tag>");
        }
        Map<String, Integer> ports = new HashMap<>();
        for (Object p : list(c.getOrDefault("ports", List.of()))) {
            Map<String, Object> pm = map(p, "port");
            ports.put(String.valueOf(pm.get("name")), (Integer) pm.get("containerPort"));
        }
        if (!ports.containsValue(port)) {
            problems.add(service + ": container ports " + ports + " lack quarkus.http.port " + port);
        }
        checkProbe(service, c, "livenessProbe", "/q/health/live", ports, port, problems);
        checkProbe(service, c, "readinessProbe", "/q/health/ready", ports, port, problems);
        checkProbe(service, c, "startupProbe", "/q/health/started", ports, port, problems);

        Map<String, Object> resources = c.get("resources") instanceof Map<?, ?> m ? map(m, "resources") : Map.of();
        for (String kind : List.of("requests", "limits")) {
            for (String what : List.of("cpu", "memory")) {
                if (!(resources.get(kind) instanceof Map<?, ?> q) || q.get(what) == null) {
                    problems.add(service + ": no " + kind + "." + what);
                }
            }
        }
        if (resources.get("requests") instanceof Map<?, ?> req && resources.get("limits") instanceof Map<?, ?> lim) {
            for (String what : List.of("cpu", "memory")) {
                if (req.get(what) != null && lim.get(what) != null
                        && quantity(req.get(what)).compareTo(quantity(lim.get(what))) > 0) {
                    problems.add(service + ": " + what + " request above its limit");
                }
            }
        }

        Map<String, Object> podSecurity = pod.get("securityContext") instanceof Map<?, ?> m ? map(m, "psc") : Map.of();
        Map<String, Object> security = c.get("securityContext") instanceof Map<?, ?> m ? map(m, "csc") : Map.of();
        if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot")) && !Boolean.TRUE.equals(security.get("runAsNonRoot"))) {
            problems.add(service + ": not runAsNonRoot");
        }
        if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
            problems.add(service + ": root filesystem not read-only");
        }
        if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
            problems.add(service + ": allowPrivilegeEscalation is not false");
        }
        String tmpVolume = list(c.getOrDefault("volumeMounts", List.of())).stream().map(v -> map(v, "mount"))
                .filter(v -> "/tmp".equals(v.get("mountPath"))).map(v -> (String) v.get("name")).findFirst().orElse(null);
        boolean tmpIsEmptyDir = tmpVolume != null && list(pod.getOrDefault("volumes", List.of())).stream()
                .map(v -> map(v, "volume")).anyMatch(v -> tmpVolume.equals(v.get("name")) && v.containsKey("emptyDir"));
        if (!tmpIsEmptyDir) {
            problems.add(service + ": /tmp is not an emptyDir volume");
        }

        Map<String, Map<String, Object>> env = new HashMap<>();
        for (Object e : list(c.getOrDefault("env", List.of()))) {
            env.put((String) map(e, "env").get("name"), map(e, "env"));
        }
        for (String variable : envVarsRead(service)) {
            if (!env.containsKey(variable)) {
                problems.add(service + ": reads " + variable + " but the Deployment does not set it");
            }
        }
        Object javaOpts = Optional.ofNullable(env.get("JAVA_OPTS_APPEND")).map(e -> e.get("value")).orElse("");
        if (!String.valueOf(javaOpts).contains("-XX:MaxRAMPercentage=")) {
            problems.add(service + ": JAVA_OPTS_APPEND does not bound the heap with MaxRAMPercentage");
        }

        Map<String, Object> svc = r.one("Service", service);
        if (svc == null) {
            problems.add("no Service " + service);
        } else {
            if (!podLabels.entrySet().containsAll(map(spec(svc).get("selector"), "selector").entrySet())) {
                problems.add("Service " + service + " does not select the Deployment's pods");
            }
            for (Object p : list(spec(svc).get("ports"))) {
                Map<String, Object> sp = map(p, "service port");
                Object target = sp.getOrDefault("targetPort", sp.get("port"));
                Integer resolved = target instanceof Integer i ? i : ports.get(String.valueOf(target));
                if (!Integer.valueOf(port).equals(resolved) || !Integer.valueOf(port).equals(sp.get("port"))) {
                    problems.add("Service " + service + " port " + sp + " is not " + port + " on the container's " + port);
                }
            }
        }
        Map<String, Object> pdb = r.one("PodDisruptionBudget", service);
        if (pdb == null) {
            problems.add("no PodDisruptionBudget " + service);
        } else if (!podLabels.entrySet().containsAll(
                map(map(spec(pdb).get("selector"), "selector").get("matchLabels"), "matchLabels").entrySet())) {
            problems.add("PodDisruptionBudget " + service + " does not select the Deployment's pods");
        }
    }

    private static void checkProbe(String service, Map<String, Object> c, String probe, String path,
                                   Map<String, Integer> ports, int port, List<String> problems) {
        if (!(c.get(probe) instanceof Map<?, ?> p) || !(p.get("httpGet") instanceof Map<?, ?> get)) {
            problems.add(service + ": no " + probe + " with httpGet");
            return;
        }
        Object target = get.get("port");
        Integer resolved = target instanceof Integer i ? i : ports.get(String.valueOf(target));
        if (!path.equals(get.get("path")) || !Integer.valueOf(port).equals(resolved)) {
            problems.add(service + ": " + probe + " is " + get.get("path") + " on " + target + ", not " + path + " on " + port);
        }
    }

    private static void checkReferences(Rendered r, List<String> problems) {
        Set<String> cnpgSecrets = r.all("Cluster").stream().map(c -> name(c) + "-app").collect(Collectors.toSet());
        for (Map<String, Object> d : r.all("Deployment")) {
            Map<String, Object> pod = map(map(spec(d).get("template"), "template").get("spec"), "pod spec");
            for (Object co : list(pod.get("containers"))) {
                Map<String, Object> c = map(co, "container");
                for (Object eo : list(c.getOrDefault("env", List.of()))) {
                    Map<String, Object> e = map(eo, "env");
                    if (!(e.get("valueFrom") instanceof Map<?, ?> from)) {
                        continue;
                    }
                    if (from.get("configMapKeyRef") instanceof Map<?, ?> ref) {
                        Map<String, Object> cm = r.one("ConfigMap", (String) ref.get("name"));
                        if (cm == null || !(cm.get("data") instanceof Map<?, ?> data) || !data.containsKey(ref.get("key"))) {
                            problems.add(name(d) + " " + e.get("name") + ": no ConfigMap " + ref.get("name") + " with key " + ref.get("key"));
                        }
                    }
                    if (from.get("secretKeyRef") instanceof Map<?, ?> ref) {
                        String secret = (String) ref.get("name");
                        Object key = ref.get("key");
                        Map<String, Object> s = r.one("Secret", secret);
                        boolean ok = s != null
                                ? (s.get("data") instanceof Map<?, ?> data && data.containsKey(key))
                                  || (s.get("stringData") instanceof Map<?, ?> sd && sd.containsKey(key))
                                : cnpgSecrets.contains(secret) ? CNPG_APP_SECRET_KEYS.contains(key)
                                : SECRETS_MADE_BY_HAND.getOrDefault(secret, Set.of()).contains(key);
                        if (!ok) {
                            problems.add(name(d) + " " + e.get("name") + ": no Secret " + secret + " with key " + key
                                    + " (in the manifests, made by CloudNativePG, or made by hand)");
                        }
                    }
                }
                for (Object fo : list(c.getOrDefault("envFrom", List.of()))) {
                    Map<String, Object> f = map(fo, "envFrom");
                    if (f.get("configMapRef") instanceof Map<?, ?> ref && r.one("ConfigMap", (String) ref.get("name")) == null) {
                        problems.add(name(d) + ": envFrom names missing ConfigMap " + ref.get("name"));
                    }
                }
            }
            for (Object vo : list(pod.getOrDefault("volumes", List.of()))) {
                if (map(vo, "volume").get("configMap") instanceof Map<?, ?> ref && r.one("ConfigMap", (String) ref.get("name")) == null) {
                    problems.add(name(d) + ": volume names missing ConfigMap " + ref.get("name"));
                }
            }
        }
    }

    /** The ConfigMap's addresses name the Services that Strimzi and CloudNativePG create for what is declared. */
    private static void checkConfigPointsAtWhatExists(Rendered r, List<String> problems) {
        Map<String, Object> cm = r.one("ConfigMap", "course-tracker-config");
        if (cm == null) {
            problems.add("no ConfigMap course-tracker-config");
            return;
        }
        Map<String, Object> data = map(cm.get("data"), "data");
        Set<String> bootstraps = new TreeSet<>();
        for (Map<String, Object> k : r.all("Kafka")) {
            Map<String, Object> kafka = map(spec(k).get("kafka"), "spec.kafka");
            for (Object l : list(kafka.get("listeners"))) {
                Map<String, Object> listener = map(l, "listener");
                if ("internal".equals(listener.get("type")) && Boolean.FALSE.equals(listener.get("tls"))) {
                    bootstraps.add(name(k) + "-kafka-bootstrap:" + listener.get("port"));
                }
            }
        }
        if (!bootstraps.contains(data.get("KAFKA_BOOTSTRAP_SERVERS"))) {
            problems.add("KAFKA_BOOTSTRAP_SERVERS " + data.get("KAFKA_BOOTSTRAP_SERVERS") + " is none of " + bootstraps);
        }
        // Each Deployment's JDBC URL names <cluster>-rw and that cluster's database, and its credentials are <cluster>-app.
        for (Map<String, Object> d : r.all("Deployment")) {
            Map<String, Object> c = map(list(map(map(spec(d).get("template"), "t").get("spec"), "p").get("containers")).get(0), "c");
            Map<String, Map<String, Object>> env = new HashMap<>();
            list(c.getOrDefault("env", List.of())).forEach(e -> env.put((String) map(e, "env").get("name"), map(e, "env")));
            String urlKey = refKey(env.get("QUARKUS_DATASOURCE_JDBC_URL"), "configMapKeyRef");
            String userSecret = refName(env.get("QUARKUS_DATASOURCE_USERNAME"), "secretKeyRef");
            if (urlKey == null || !(data.get(urlKey) instanceof String url)) {
                continue; // reported by checkReferences or checkService
            }
            URI uri = URI.create(url.substring("jdbc:".length()));
            String host = uri.getHost();
            Map<String, Object> cluster = host != null && host.endsWith("-rw") ? r.one("Cluster", host.substring(0, host.length() - 3)) : null;
            if (cluster == null) {
                problems.add(name(d) + ": JDBC URL " + url + " names no CloudNativePG <cluster>-rw Service");
                continue;
            }
            Object database = map(map(spec(cluster).get("bootstrap"), "bootstrap").get("initdb"), "initdb").get("database");
            if (!("/" + database).equals(uri.getPath()) || uri.getPort() != 5432) {
                problems.add(name(d) + ": JDBC URL " + url + " is not port 5432, database " + database);
            }
            if (!(name(cluster) + "-app").equals(userSecret)) {
                problems.add(name(d) + ": connects to " + name(cluster) + " with the credentials of " + userSecret);
            }
        }
        Map<String, Object> progress = r.one("Service", "progress-service");
        Object url = data.get("PROGRESS_SERVICE_URL");
        if (progress != null && !("http://progress-service:" + httpPort("progress-service")).equals(url)) {
            problems.add("PROGRESS_SERVICE_URL " + url + " is not the progress-service Service");
        }
    }

    private static void checkKafka(Rendered r, List<String> problems) {
        List<Map<String, Object>> kafkas = r.all("Kafka");
        if (kafkas.size() != 1) {
            problems.add("expected one Kafka, found " + kafkas.size());
            return;
        }
        Map<String, Object> k = kafkas.get(0);
        if (!"kafka.strimzi.io/v1beta2".equals(k.get("apiVersion"))) {
            problems.add("Kafka apiVersion " + k.get("apiVersion"));
        }
        Map<String, Object> annotations = map(metadata(k).getOrDefault("annotations", Map.of()), "annotations");
        if (!"enabled".equals(annotations.get("strimzi.io/kraft")) || !"enabled".equals(annotations.get("strimzi.io/node-pools"))) {
            problems.add("Kafka lacks strimzi.io/kraft and strimzi.io/node-pools: enabled");
        }
        Map<String, Object> kafka = map(spec(k).get("kafka"), "spec.kafka");
        if (!String.valueOf(kafka.get("version")).startsWith("4.1.")) {
            problems.add("Kafka version " + kafka.get("version") + " is not 4.1.x");
        }
        if (kafka.containsKey("replicas") || spec(k).containsKey("zookeeper")) {
            problems.add("Kafka declares replicas or ZooKeeper; node pools and KRaft own those");
        }
        int controllers = 0;
        for (Map<String, Object> pool : r.all("KafkaNodePool")) {
            Map<String, Object> labels = map(metadata(pool).getOrDefault("labels", Map.of()), "labels");
            if (!name(k).equals(labels.get("strimzi.io/cluster"))) {
                problems.add("KafkaNodePool " + name(pool) + " does not belong to Kafka " + name(k));
            }
            if (list(spec(pool).get("roles")).contains("controller")) {
                controllers += (Integer) spec(pool).get("replicas");
            }
            if (!(spec(pool).get("storage") instanceof Map<?, ?>)) {
                problems.add("KafkaNodePool " + name(pool) + " has no storage");
            }
        }
        if (controllers % 2 == 0) {
            problems.add("KRaft needs an odd number of controllers, not " + controllers);
        }
        Map<String, Object> config = map(kafka.getOrDefault("config", Map.of()), "config");
        int brokers = brokers(r);
        for (String rf : List.of("default.replication.factor", "offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
            if (config.get(rf) == null || number(config.get(rf)) > brokers) {
                problems.add("Kafka " + rf + " " + config.get(rf) + " does not fit " + brokers + " brokers");
            }
        }
    }

    private static void checkTopics(Rendered r, List<String> problems) {
        int brokers = brokers(r);
        String cluster = r.all("Kafka").isEmpty() ? null : name(r.all("Kafka").get(0));
        for (Map<String, Object> t : r.all("KafkaTopic")) {
            Map<String, Object> labels = map(metadata(t).getOrDefault("labels", Map.of()), "labels");
            if (cluster == null || !cluster.equals(labels.get("strimzi.io/cluster"))) {
                problems.add("KafkaTopic " + name(t) + " is not labelled strimzi.io/cluster: " + cluster);
            }
            int replicas = (Integer) spec(t).get("replicas");
            Object minIsr = configOf(t).get("min.insync.replicas");
            if (replicas > brokers) {
                problems.add("KafkaTopic " + name(t) + " wants " + replicas + " replicas on " + brokers + " brokers");
            }
            if (minIsr == null || (replicas > 1 && number(minIsr) >= replicas) || number(minIsr) < 1) {
                problems.add("KafkaTopic " + name(t) + " min.insync.replicas " + minIsr + " with " + replicas
                        + " replicas: one broker down would stop writes, or acks=all would mean one copy");
            }
        }
        int notePartitions = r.all("KafkaTopic").stream().filter(t -> Topics.NOTES.equals(topicName(t)))
                .map(t -> (Integer) spec(t).get("partitions")).findFirst().orElse(0);
        Map<String, Object> progress = r.one("Deployment", "progress-service");
        if (progress != null && (Integer) spec(progress).get("replicas") > notePartitions) {
            problems.add("progress-service has more replicas than " + Topics.NOTES + " has partitions (" + notePartitions + ")");
        }
    }

    private static void checkPostgres(Rendered r, List<String> problems) {
        for (Map<String, Object> c : r.all("Cluster")) {
            if (!"postgresql.cnpg.io/v1".equals(c.get("apiVersion"))) {
                problems.add("Cluster " + name(c) + " apiVersion " + c.get("apiVersion"));
            }
            int instances = (Integer) spec(c).get("instances");
            Map<String, Object> initdb = spec(c).get("bootstrap") instanceof Map<?, ?> b && b.get("initdb") instanceof Map<?, ?> i
                    ? map(i, "initdb") : Map.of();
            if (initdb.get("database") == null || initdb.get("owner") == null) {
                problems.add("Cluster " + name(c) + " has no bootstrap.initdb database and owner");
            }
            if (spec(c).get("postgresql") instanceof Map<?, ?> pg && pg.get("synchronous") instanceof Map<?, ?> sync
                    && number(sync.get("number")) >= instances) {
                problems.add("Cluster " + name(c) + " waits for " + sync.get("number") + " standbys of " + (instances - 1));
            }
            if (!(spec(c).get("storage") instanceof Map<?, ?> s) || s.get("size") == null) {
                problems.add("Cluster " + name(c) + " has no storage size");
            }
        }
        for (String service : SERVICES) {
            String database = defaultDatabase(service);
            if (r.all("Cluster").stream().noneMatch(c -> database.equals(
                    map(map(spec(c).get("bootstrap"), "b").get("initdb"), "i").get("database")))) {
                problems.add("no Cluster creates " + service + "'s database " + database);
            }
        }
    }

    private static void checkAutoscalers(Rendered r, List<String> problems) {
        for (Map<String, Object> hpa : r.all("HorizontalPodAutoscaler")) {
            Map<String, Object> ref = map(spec(hpa).get("scaleTargetRef"), "scaleTargetRef");
            Map<String, Object> d = r.one((String) ref.get("kind"), (String) ref.get("name"));
            if (d == null) {
                problems.add("HorizontalPodAutoscaler " + name(hpa) + " scales missing " + ref);
            }
            if ("progress-service".equals(ref.get("name"))) {
                problems.add("progress-service scales by partitions, not by an autoscaler");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    record Rendered(List<Map<String, Object>> resources) {
        List<Map<String, Object>> all(String kind) {
            return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
        }

        Map<String, Object> one(String kind, String name) {
            return resources.stream().filter(r -> kind.equals(r.get("kind")) && name.equals(name(r))).findFirst().orElse(null);
        }
    }

    static Rendered render(String tree) {
        return new Rendered(Kustomize.build(K8S.resolve(tree)));
    }

    static String name(Map<String, Object> r) {
        return (String) metadata(r).get("name");
    }

    static String topicName(Map<String, Object> t) {
        return (String) spec(t).getOrDefault("topicName", name(t));
    }

    static Map<String, Object> configOf(Map<String, Object> topic) {
        return map(spec(topic).getOrDefault("config", Map.of()), "config");
    }

    static int brokers(Rendered r) {
        return r.all("KafkaNodePool").stream().filter(p -> list(spec(p).get("roles")).contains("broker"))
                .mapToInt(p -> (Integer) spec(p).get("replicas")).sum();
    }

    static Map<String, Integer> replicas(Rendered r) {
        Map<String, Integer> out = new TreeMap<>();
        r.all("Deployment").forEach(d -> out.put(name(d), (Integer) spec(d).get("replicas")));
        return out;
    }

    static int number(Object o) {
        return o instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(o));
    }

    /** Kubernetes quantities as deploy/k8s writes them: 250m, 1, 320Mi, 2Gi. */
    static BigDecimal quantity(Object o) {
        String s = String.valueOf(o);
        Map<String, BigDecimal> suffixes = Map.of("m", new BigDecimal("0.001"), "Ki", BigDecimal.valueOf(1024),
                "Mi", BigDecimal.valueOf(1024L * 1024), "Gi", BigDecimal.valueOf(1024L * 1024 * 1024));
        for (Map.Entry<String, BigDecimal> e : suffixes.entrySet()) {
            if (s.endsWith(e.getKey())) {
                return new BigDecimal(s.substring(0, s.length() - e.getKey().length())).multiply(e.getValue());
            }
        }
        return new BigDecimal(s);
    }

    static String refKey(Map<String, Object> env, String kind) {
        return env != null && env.get("valueFrom") instanceof Map<?, ?> f && f.get(kind) instanceof Map<?, ?> ref
                ? (String) ref.get("key") : null;
    }

    static String refName(Map<String, Object> env, String kind) {
        return env != null && env.get("valueFrom") instanceof Map<?, ?> f && f.get(kind) instanceof Map<?, ?> ref
                ? (String) ref.get("name") : null;
    }

    static Properties applicationProperties(String service) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static int httpPort(String service) {
        return Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port"));
    }

    /** The database name in the service's default JDBC URL (…/ingest). */
    static String defaultDatabase(String service) {
        String url = applicationProperties(service).getProperty("quarkus.datasource.jdbc.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /**
     * Every {@code ${ENV_VAR:…}} in the service's unprofiled application.properties, plus the
     * datasource's (QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD), which Quarkus maps from
     * the environment without a placeholder.
     */
    static Set<String> envVarsRead(String service) {
        Set<String> vars = new TreeSet<>(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"));
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
        Properties p = applicationProperties(service);
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            Matcher m = placeholder.matcher(p.getProperty(key));
            while (m.find()) {
                vars.add(m.group(1));
            }
        }
        return vars;
    }

    static Set<String> contractTopics() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()) && f.getType() == String.class) {
                topics.add((String) f.get(null));
            }
        }
        return topics;
    }

    @SuppressWarnings("unchecked")
    static List<NewTopic> stackTopics() throws Exception {
        Class<?> stack = Class.forName("io.coursetracker.localstack.StackTopics");
        Method definitions = stack.getDeclaredMethod("definitions");
        definitions.setAccessible(true);
        return (List<NewTopic>) definitions.invoke(null);
    }

    static List<String> kustomizeCommand(Path dir) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "kubectl"))) {
                return List.of(Path.of(entry, "kubectl").toString(), "kustomize", dir.toString());
            }
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "kustomize"))) {
                return List.of(Path.of(entry, "kustomize").toString(), "build", dir.toString());
            }
        }
        return null;
    }
}
