package org.huzhu.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our Chinese Tasklist, checked over HTTP against what the Camunda webjar on the classpath ships:
 * a Camunda upgrade that adds labels or shortcuts, or renames the Camunda 8 notice, fails here
 * instead of showing English or the notice again.
 */
@HuzhuIntegrationTest
class TasklistLocaleTest {

    private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final Pattern SHORTCUT = Pattern.compile("(\\w+): \\{\\s*key: '([^']+)'");
    /** Labels that read the same in Chinese: the vendor's name, comparison signs, an empty text. */
    private static final Set<String> SAME_IN_CHINESE = Set.of("APP_VENDOR", "NO_TASK_FORM", "SEARCH_LESS_THAN",
            "SEARCH_LESS_THAN_EQUALS", "SEARCH_GREATER_THAN", "SEARCH_GREATER_THAN_EQUALS");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Test
    void theChineseLocaleIsServedAndHasEveryLabelOfTheShippedEnglishOneTranslated() throws IOException {
        ResponseEntity<byte[]> served = rest.getForEntity("/camunda/app/tasklist/locales/zh.json", byte[].class);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        JsonNode zh = json.readTree(new String(served.getBody(), StandardCharsets.UTF_8));
        JsonNode en = json.readTree(shipped("tasklist/locales/en.json"));

        assertThat(fieldNames(zh.get("labels"))).isEqualTo(fieldNames(en.get("labels")));
        List<String> untranslated = new ArrayList<>();
        en.get("labels").fields().forEachRemaining(label -> {
            String english = label.getValue().asText();
            String chinese = zh.get("labels").get(label.getKey()).asText();
            assertThat(placeholders(chinese)).as(label.getKey()).isEqualTo(placeholders(english));
            if (!SAME_IN_CHINESE.contains(label.getKey()) && (chinese.isBlank() || chinese.equals(english))) {
                untranslated.add(label.getKey());
            }
        });
        assertThat(untranslated).isEmpty();
        assertThat(zh.get("labels").get("CLAIM_TASK").asText()).isEqualTo("认领");
        assertThat(zh.get("labels").get("COMPLETE").asText()).isEqualTo("完成");
        assertThat(zh.get("labels").get("SAVE").asText()).isEqualTo("保存");

        // moment.js takes the dates' words and formats from here: the same fields as the shipped ones
        assertThat(paths(zh.get("dateLocales"), "")).isEqualTo(paths(en.get("dateLocales"), ""));
        assertThat(zh.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
    }

    @Test
    void tasklistIsConfiguredForChineseOnlyAndKeepsTheShippedShortcuts() throws IOException {
        String config = served("/camunda/app/tasklist/scripts/config.js");
        assertThat(config).contains("availableLocales: ['zh']", "fallbackLocale: 'zh'",
                "customScripts: ['scripts/payment-deadline']");
        assertThat(shortcuts(config)).isEqualTo(shortcuts(shipped("tasklist/scripts/config.js")));

        ResponseEntity<String> script = rest.getForEntity("/camunda/app/tasklist/scripts/payment-deadline.js", String.class);
        assertThat(script.getStatusCode().value()).isEqualTo(200);
        // the app imports it as a module: browsers insist on a JavaScript type
        assertThat(script.getHeaders().getContentType().toString()).contains("javascript");
        assertThat(script.getBody()).contains("pluginPoint: 'tasklist.card'", "paymentDeadline");
    }

    @Test
    void everyWebappHidesTheCamunda8NoticeItStillRenders() throws IOException {
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            assertThat(shipped(app + "/camunda-" + app + "-bootstrap.js")).as(app).contains("class=\"ce-eol-banner\"");
            assertThat(served("/camunda/app/" + app + "/default/")).as(app)
                    .contains("/app/" + app + "/styles/user-styles.css");
            assertThat(served("/camunda/app/" + app + "/styles/user-styles.css").replaceAll("\\s+", " ")).as(app)
                    .contains("[cam-widget-header] .ce-eol-banner { display: none; }");
        }
    }

    private String served(String path) {
        ResponseEntity<byte[]> answer = rest.getForEntity(path, byte[].class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
        return new String(answer.getBody(), StandardCharsets.UTF_8);
    }

    /** The webjar's own file, not ours of the same name. */
    private static String shipped(String path) throws IOException {
        for (URL url : Collections.list(TasklistLocaleTest.class.getClassLoader().getResources(WEBJAR + path))) {
            if (url.toString().contains("camunda-webapp-webjar")) {
                try (InputStream in = url.openStream()) {
                    // the shipped locales start with a byte order mark
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
                }
            }
        }
        throw new AssertionError("the Camunda webjar on the classpath has no " + path);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> paths(JsonNode node, String at) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> paths.addAll(paths(field.getValue(), at + "/" + field.getKey())));
        } else {
            paths.add(at + (node.isArray() ? "[" + node.size() + "]" : ""));
        }
        return paths;
    }

    private static List<String> placeholders(String label) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(label);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        Collections.sort(names);
        return names;
    }

    private static Map<String, String> shortcuts(String config) {
        Map<String, String> keys = new LinkedHashMap<>();
        Matcher matcher = SHORTCUT.matcher(config);
        while (matcher.find()) {
            keys.put(matcher.group(1), matcher.group(2));
        }
        assertThat(keys).isNotEmpty();
        return keys;
    }
}
