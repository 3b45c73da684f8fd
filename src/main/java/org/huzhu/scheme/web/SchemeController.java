package org.huzhu.scheme.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.JsonFields;
import org.huzhu.platform.TextLimit;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSetDefinition;
import org.huzhu.scheme.RuleSetDraft;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.Scheme;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Process admins read schemes and their rule set versions, and publish new versions. */
@RestController
@RequestMapping("/api/schemes")
class SchemeController {

    private final RuleSets ruleSets;
    private final ObjectMapper json;
    private final Clock clock;

    SchemeController(RuleSets ruleSets, ObjectMapper json, Clock clock) {
        this.ruleSets = ruleSets;
        this.json = json;
        this.clock = clock;
    }

    record PublishRequest(String organiser, LocalDate effectiveFrom, LocalDate effectiveTo, @TextLimit(500) String reason,
                          JsonNode definition) {
    }

    /** A version: its period, who published it when and why, and (except in lists) the rules themselves. */
    record RuleSetView(long id, String scheme, String organiser, int version, LocalDate effectiveFrom,
                       LocalDate effectiveTo, Long supersededBy, String publishedBy, OffsetDateTime publishedAt,
                       String reason, @JsonInclude(JsonInclude.Include.NON_NULL) RuleSetDefinition definition) {

        static RuleSetView of(RuleSet rules, boolean withDefinition) {
            return new RuleSetView(rules.id(), rules.scheme(), rules.organiserCode(), rules.version(),
                    rules.effectiveFrom(), rules.effectiveTo(), rules.supersededBy(), rules.publishedBy(),
                    rules.publishedAt().atZone(Beijing.ZONE).toOffsetDateTime(), rules.reason(),
                    withDefinition ? rules.definition() : null);
        }
    }

    @GetMapping
    List<Scheme> schemes(@AuthenticationPrincipal Staff staff) {
        requireProcessAdmin(staff);
        return ruleSets.schemes();
    }

    @GetMapping("/{scheme}/rule-sets")
    List<RuleSetView> versions(@PathVariable String scheme, @RequestParam(required = false) String organiser,
                               @AuthenticationPrincipal Staff staff) {
        requireProcessAdmin(staff);
        return ruleSets.versions(scheme(scheme).code(), organiser).stream()
                .map(rules -> RuleSetView.of(rules, false)).toList();
    }

    @GetMapping("/{scheme}/rule-sets/{id}")
    RuleSetView ruleSet(@PathVariable String scheme, @PathVariable long id, @AuthenticationPrincipal Staff staff) {
        requireProcessAdmin(staff);
        return ruleSets.find(id).filter(r -> r.scheme().equals(scheme)).map(rules -> RuleSetView.of(rules, true))
                .orElseThrow(() -> DomainException.notFound("RULE_SET_NOT_FOUND", "规则版本不存在：" + id));
    }

    /** Publishes a new version; a refused one is answered field by field and changes nothing. */
    @PostMapping("/{scheme}/rule-sets")
    ResponseEntity<RuleSetView> publish(@PathVariable String scheme, @RequestBody PublishRequest request,
                                    @AuthenticationPrincipal Staff staff) {
        requireProcessAdmin(staff);
        RuleSetDraft draft = new RuleSetDraft(request.organiser(), request.effectiveFrom(), request.effectiveTo(),
                request.reason(), definition(json, request.definition()));
        RuleSet published = ruleSets.publish(scheme(scheme), draft, staff.userId(), clock.instant());
        return ResponseEntity.created(URI.create("/api/schemes/" + scheme + "/rule-sets/" + published.id()))
                .body(RuleSetView.of(published, true));
    }

    /** Reads the rules strictly: a misspelt field is refused rather than silently left out of the rules. */
    static RuleSetDefinition definition(ObjectMapper json, JsonNode definition) {
        if (definition == null || definition.isNull()) {
            return null;
        }
        return JsonFields.read(json.readerFor(RuleSetDefinition.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES), definition, "definition");
    }

    private Scheme scheme(String code) {
        return scheme(ruleSets, code);
    }

    static Scheme scheme(RuleSets ruleSets, String code) {
        return ruleSets.scheme(code)
                .orElseThrow(() -> DomainException.notFound("SCHEME_NOT_FOUND", "没有这个保障项目：" + code));
    }

    static void requireProcessAdmin(Staff staff) {
        if (!staff.hasAny(Role.PROCESS_ADMIN, Role.ADMIN)) {
            throw DomainException.forbidden("NOT_PROCESS_ADMIN", "只有流程管理员或系统管理员可以管理保障规则");
        }
    }
}
