package io.coursetracker.tracker.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain JUnit: {@code deploy/grafana/course-tracker.json} is a dashboard Grafana imports (a datasource
 * input, unique panel ids, grid positions, a team variable) and its queries use only the metrics
 * {@link TeamMetrics} registers.
 */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "course-tracker.json");
    private static final Pattern METRIC = Pattern.compile("\\btracker_[a-z_]+");
    private static final String DATASOURCE = "${DS_PROMETHEUS}";

    @Test
    void theDashboardImportsAndQueriesOnlyRegisteredMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));

        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        JsonNode input = dashboard.path("__inputs").path(0);
        assertThat(input.path("name").asText()).isEqualTo("DS_PROMETHEUS");
        assertThat(input.path("type").asText()).isEqualTo("datasource");
        assertThat(input.path("pluginId").asText()).isEqualTo("prometheus");

        Set<Integer> ids = new HashSet<>();
        Set<String> used = new HashSet<>();
        assertThat(dashboard.path("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt(-1))).as("unique id of " + title).isTrue();
            assertThat(panel.path("type").asText()).as(title).isIn("stat", "timeseries", "bargauge");
            JsonNode grid = panel.path("gridPos");
            for (String field : new String[]{"h", "w", "x", "y"}) {
                assertThat(grid.path(field).isInt()).as(title + " gridPos." + field).isTrue();
            }
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title + " fits 24 columns").isLessThanOrEqualTo(24);
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(DATASOURCE);
            assertThat(panel.path("targets")).as(title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertThat(target.path("refId").asText()).as(title).isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo(DATASOURCE);
                assertThat(expr).as(title).contains("team=~\"$team\"");
                Matcher metric = METRIC.matcher(expr);
                int found = 0;
                while (metric.find()) {
                    assertThat(TeamMetrics.METRIC_NAMES).as(title + ": " + expr).contains(metric.group());
                    used.add(metric.group());
                    found++;
                }
                assertThat(found).as(title + " queries a tracker metric").isPositive();
            }
        }
        assertThat(used).as("every team gauge is on the dashboard").containsExactlyInAnyOrderElementsOf(TeamMetrics.METRIC_NAMES);

        JsonNode team = dashboard.path("templating").path("list").path(0);
        assertThat(team.path("name").asText()).isEqualTo("team");
        assertThat(team.path("type").asText()).isEqualTo("query");
        assertThat(team.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE);
        assertThat(team.path("query").path("query").asText()).isEqualTo("label_values(" + TeamMetrics.MEMBERS + ", team)");
    }
}
