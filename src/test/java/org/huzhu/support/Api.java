package org.huzhu.support;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

/** Calls our REST API over HTTP as one of the demo users, the way a client would. */
public final class Api {

    private final TestRestTemplate rest;
    private final String password;
    private final ObjectMapper json = new ObjectMapper();

    public Api(TestRestTemplate rest) {
        this(rest, "demo");
    }

    /** Every user signs in with this password (accounts made through /api/users need a longer one than the demo's). */
    public Api(TestRestTemplate rest, String password) {
        this.rest = rest;
        this.password = password;
    }

    public record Answer(int status, JsonNode body, HttpHeaders headers) {
        public String contentType() {
            return headers.getContentType() == null ? null : headers.getContentType().toString();
        }
    }

    public Answer get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null);
    }

    public Answer post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body);
    }

    public Answer exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        // a form's parts go as multipart, anything else as JSON
        boolean form = body instanceof MultiValueMap;
        headers.setContentType(form ? MediaType.MULTIPART_FORM_DATA : MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        try {
            Object payload = body == null || form ? body : body instanceof String s ? s : json.writeValueAsString(body);
            ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
            JsonNode node = response.getBody() == null || response.getBody().isBlank() ? null : parse(response.getBody());
            return new Answer(response.getStatusCode().value(), node, response.getHeaders());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON bodies as trees; anything else (a page, metrics) as one text node. */
    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json.getNodeFactory().textNode(body);
        }
    }

    /** A member of a new unit at the agency, enrolled in the in-patient scheme from 2019-10-16. */
    public String enrolledMember(String agencyCode, String insuranceType) {
        String idNumber = registeredMember(agencyCode, insuranceType, TestIds.idNumber());
        enrol(idNumber, "INPATIENT", "2019-10-16", "2030-10-15");
        return idNumber;
    }

    /** Registers the person as a member of a new unit at the agency, enrolled in nothing yet. */
    public String registeredMember(String agencyCode, String insuranceType, String idNumber) {
        String unit = TestIds.code("U");
        require(post("admin", "/api/units", Map.of("code", unit, "name", "测试单位" + unit, "agencyCode", agencyCode)), 201);
        require(post("admin", "/api/members", Map.of("idNumber", idNumber, "name", "测试会员", "unitCode", unit,
                "insuranceType", insuranceType)), 201);
        return idNumber;
    }

    public void enrol(String idNumber, String scheme, String validFrom, String validTo) {
        require(post("admin", "/api/enrolments", Map.of("memberIdNumber", idNumber, "scheme", scheme,
                "validFrom", validFrom, "validTo", validTo)), 201);
    }

    public String enrolledMember() {
        return enrolledMember("DEMO-A", "EMPLOYEE");
    }

    /** A claim paid to the account, submitted and approved by both audits, its PayOut job not yet run. */
    public long approvedClaim(String accountNumber) {
        Map<String, Object> claim = ClaimRequests.claim(enrolledMember(), "3000.00");
        claim.put("bankAccount", Map.of("bankName", "中国工商银行", "accountNumber", accountNumber, "accountName", "会员本人"));
        long id = require(post("clerk", "/api/claims", claim), 201).body().get("id").asLong();
        require(decide("agency", id, "APPROVE", null), 200);
        require(decide("league", id, "APPROVE", null), 200);
        return id;
    }

    /** The first open task of the user for the claim. */
    public String taskOf(String user, long claimId) {
        return taskRowOf(user, claimId).get("taskId").asText();
    }

    /** The row of the user's task list ({@code GET /api/tasks}) for the claim's first open task. */
    public JsonNode taskRowOf(String user, long claimId) {
        for (JsonNode task : require(get(user, "/api/tasks"), 200).body()) {
            if (task.get("claimId").asLong() == claimId) {
                return task;
            }
        }
        throw new AssertionError(user + " has no task for claim " + claimId);
    }

    /** Decides the user's task of the claim; a rejection is filed under 其他 (OTHER). */
    public Answer decide(String user, long claimId, String outcome, String reason) {
        return decide(user, claimId, outcome, "REJECT".equals(outcome) ? "OTHER" : null, reason);
    }

    public Answer decide(String user, long claimId, String outcome, String category, String reason) {
        return post(user, "/api/tasks/" + taskOf(user, claimId) + "/decision", decision(outcome, category, reason));
    }

    /** A decision as the API takes it; absent values are left out. */
    public static Map<String, String> decision(String outcome, String category, String reason) {
        Map<String, String> decision = new LinkedHashMap<>();
        decision.put("outcome", outcome);
        if (category != null) {
            decision.put("rejectionCategory", category);
        }
        if (reason != null) {
            decision.put("reason", reason);
        }
        return decision;
    }

    /** Asks for the claim as the user until it has the status (a payment batch, a job); fails after the bound. */
    public void awaitStatus(String user, long claimId, String status, Duration bound) throws InterruptedException {
        Instant asked = Instant.now();
        String seen = null;
        while (Duration.between(asked, Instant.now()).compareTo(bound) < 0) {
            seen = require(get(user, "/api/claims/" + claimId), 200).body().get("status").asText();
            if (seen.equals(status)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("claim " + claimId + " is " + seen + ", not " + status + ", after " + bound);
    }

    /** The {@code field:code} of each problem in a 400 answer. */
    public static List<String> fieldCodes(Answer answer) {
        return java.util.stream.StreamSupport.stream(answer.body().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText() + ":" + e.get("code").asText()).toList();
    }

    /** The message of each problem in a 400 answer, by its {@code field:code}. */
    public static Map<String, String> fieldMessages(Answer answer) {
        Map<String, String> messages = new java.util.LinkedHashMap<>();
        answer.body().get("errors").forEach(e -> messages.merge(e.get("field").asText() + ":" + e.get("code").asText(),
                e.get("message").asText(), (a, b) -> a + " / " + b));
        return messages;
    }

    public static Answer require(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
