package org.huzhu.membership;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.audit.AuditTrail;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.MobileNumber;
import org.huzhu.platform.NameText;
import org.huzhu.platform.Problems;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's member list for a scheme's period, from Excel or CSV ({@link EnrolmentSheet}), in one
 * transaction per file: every row is checked (the ID number and its check digit, the name, the
 * mobile number, the insurance type, the same person twice in the file, registered at another
 * unit, already enrolled for part of the period) and nothing is imported unless every row is
 * good, or, when the clerk asks for it, the good rows only, the refused ones kept to be
 * downloaded and corrected. People not yet registered are registered with the unit. The same
 * file again for the same unit, scheme and period changes nothing.
 */
@Service
public class EnrolmentImport {

    private static final int CHUNK = 1000;
    private static final TypeReference<List<RefusedRow>> REFUSED = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Organisations organisations;
    private final MembershipRegistry registry;
    private final SchemeNames schemes;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    EnrolmentImport(JdbcClient jdbc, JdbcTemplate batch, Organisations organisations, MembershipRegistry registry,
                    SchemeNames schemes, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.organisations = organisations;
        this.registry = registry;
        this.schemes = schemes;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** What the clerk asks for: the list of this unit for this scheme and period. */
    public record Request(String unitCode, String scheme, LocalDate validFrom, LocalDate validTo, String fileName,
                          byte[] content, boolean goodRowsOnly) {
    }

    /** A row not imported: its line in the file, the cells as typed, and why. */
    public record RefusedRow(int line, String name, String idNumber, String mobile, String insuranceType, String reason) {

        public String idNumberMasked() {
            return ResidentIdNumber.parse(idNumber).map(ResidentIdNumber::masked).orElse(idNumber);
        }
    }

    /**
     * What the import did: {@code again} when this very file was imported before for the unit,
     * scheme and period (then the figures are that import's and nothing changed now).
     */
    public record Result(long id, boolean again, String unitCode, String unitName, String scheme, LocalDate validFrom,
                         LocalDate validTo, String fileName, int lines, int enrolled, int registered,
                         List<RefusedRow> refused) {
    }

    /** Nothing was imported: these rows are wrong (and the clerk did not ask for the good rows only). */
    public static class RowsRefused extends InvalidInputException {

        private final transient List<RefusedRow> rows;
        private final int lines;

        RowsRefused(List<RefusedRow> rows, int lines) {
            super("file", "ROWS_REFUSED", "共" + lines + "行，其中" + rows.size() + "行有误，未导入任何人员；请改正后重新导入，"
                    + "或勾选“只导入正确的行”");
            this.rows = rows;
            this.lines = lines;
        }

        public List<RefusedRow> rows() {
            return rows;
        }

        public int lines() {
            return lines;
        }
    }

    /** A person of the list who is already registered. */
    private record Registered(long id, long unitId, String name) {
    }

    /** A good row: the person (registered now or before) to enrol. */
    private record Good(EnrolmentSheet.Line line, ResidentIdNumber idNumber, String name, String mobile,
                        InsuranceType type, Registered registered) {
    }

    @Transactional
    public Result run(Request request, Staff staff) {
        staff.requireAny(Role.ADMIN, Role.CLERK);
        Unit unit = checked(request);
        registry.requireAgencyStaff(staff, unit.agencyCode());
        String sha256 = sha256(request.content());
        // one import of a unit at a time: the same file sent twice at once is imported once
        jdbc.sql("select pg_advisory_xact_lock(hashtext('enrolment-import'), cast(:unit as int))")
                .param("unit", unit.id()).query(Object.class).single();
        Optional<Result> before = earlier(unit, request, sha256);
        if (before.isPresent()) {
            return before.get();
        }
        List<EnrolmentSheet.Line> lines = EnrolmentSheet.read(request.fileName(), request.content());
        List<RefusedRow> refused = new ArrayList<>();
        List<Good> good = classify(lines, unit, request, refused);
        if (!refused.isEmpty() && !request.goodRowsOnly()) {
            throw new RowsRefused(refused, lines.size());
        }
        List<Good> toRegister = good.stream().filter(row -> row.registered() == null).toList();
        batch.batchUpdate("""
                        insert into member (id_number, name, birth_date, sex, unit_id, insurance_type, mobile)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """,
                toRegister.stream().map(row -> new Object[] {row.idNumber().value(), row.name(),
                        row.idNumber().birthDate(), row.idNumber().sex().name(), unit.id(), row.type().name(),
                        row.mobile()}).toList());
        Map<String, Registered> registered = registered(toRegister.stream().map(row -> row.idNumber().value()).toList());
        // one statement for the list, so the statistics' roll-up (V31) counts the unit's enrolments once
        jdbc.sql("""
                        insert into enrolment (member_id, scheme, valid_from, valid_to)
                        select member_id, :scheme, :from, :to from unnest(cast(:members as bigint[])) as member_id
                        """)
                .param("members", good.stream().map(row -> String.valueOf((row.registered() != null ? row.registered()
                        : registered.get(row.idNumber().value())).id())).collect(Collectors.joining(",", "{", "}")))
                .param("scheme", request.scheme()).param("from", request.validFrom()).param("to", request.validTo())
                .update();
        long id = jdbc.sql("""
                        insert into enrolment_import (unit_id, scheme, valid_from, valid_to, file_name, file_sha256, lines,
                                                      enrolled, registered, refused, imported_by, imported_at)
                        values (:unit, :scheme, :from, :to, :file, :sha, :lines, :enrolled, :registered,
                                cast(:refused as jsonb), :by, :at)
                        returning id
                        """)
                .param("unit", unit.id()).param("scheme", request.scheme()).param("from", request.validFrom())
                .param("to", request.validTo()).param("file", fileName(request)).param("sha", sha256)
                .param("lines", lines.size()).param("enrolled", good.size()).param("registered", toRegister.size())
                .param("refused", write(refused)).param("by", staff.userId()).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(staff.userId(), "ENROLMENT_IMPORTED", "UNIT", unit.code(), null, fileName(request) + "：参保"
                + good.size() + "人（新登记" + toRegister.size() + "人）" + (refused.isEmpty() ? "" : "，未导入" + refused.size() + "行"));
        return new Result(id, false, unit.code(), unit.name(), request.scheme(), request.validFrom(), request.validTo(),
                fileName(request), lines.size(), good.size(), toRegister.size(), refused);
    }

    /** An import, for the staff of its unit's agency: its figures and refused rows. */
    @Transactional(readOnly = true)
    public Result get(long id, Staff staff) {
        staff.requireAny(Role.ADMIN, Role.CLERK);
        Result result = jdbc.sql("""
                        select i.*, u.code unit_code from enrolment_import i join unit u on u.id = i.unit_id where i.id = :id
                        """)
                .param("id", id).query((row, n) -> result(row, false)).optional()
                .orElseThrow(() -> org.huzhu.platform.DomainException.notFound("IMPORT_NOT_FOUND", "没有这次导入"));
        registry.requireAgencyStaff(staff, organisations.unit(result.unitCode()).orElseThrow().agencyCode());
        return result;
    }

    /** An import as the fund reads it to record the unit's contribution: which unit and period, how many enrolled. */
    public record Imported(long id, String unitCode, String unitName, String scheme, LocalDate validFrom,
                           LocalDate validTo, String fileName, int enrolled, Instant importedAt) {
    }

    public Optional<Imported> imported(long id) {
        return jdbc.sql(IMPORTED + " where i.id = :id").param("id", id).query(EnrolmentImport::imported).optional();
    }

    /** The newest imports that enrolled anyone, at most {@code limit}. */
    public List<Imported> recentImports(int limit) {
        return jdbc.sql(IMPORTED + " where i.enrolled > 0 order by i.imported_at desc, i.id desc limit :limit")
                .param("limit", limit).query(EnrolmentImport::imported).list();
    }

    private static final String IMPORTED = """
            select i.id, u.code unit_code, u.name unit_name, i.scheme, i.valid_from, i.valid_to, i.file_name,
                   i.enrolled, i.imported_at
            from enrolment_import i join unit u on u.id = i.unit_id""";

    private static Imported imported(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Imported(row.getLong("id"), row.getString("unit_code"), row.getString("unit_name"),
                row.getString("scheme"), row.getObject("valid_from", LocalDate.class),
                row.getObject("valid_to", LocalDate.class), row.getString("file_name"), row.getInt("enrolled"),
                row.getTimestamp("imported_at").toInstant());
    }

    private Optional<Result> earlier(Unit unit, Request request, String sha256) {
        return jdbc.sql("""
                        select i.*, u.code unit_code from enrolment_import i join unit u on u.id = i.unit_id
                        where i.unit_id = :unit and i.scheme = :scheme and i.valid_from = :from and i.valid_to = :to
                          and i.file_sha256 = :sha
                        """)
                .param("unit", unit.id()).param("scheme", request.scheme()).param("from", request.validFrom())
                .param("to", request.validTo()).param("sha", sha256)
                .query((row, n) -> result(row, true)).optional();
    }

    private Result result(java.sql.ResultSet row, boolean again) throws java.sql.SQLException {
        Unit unit = organisations.unit(row.getString("unit_code")).orElseThrow();
        return new Result(row.getLong("id"), again, unit.code(), unit.name(), row.getString("scheme"),
                row.getObject("valid_from", LocalDate.class), row.getObject("valid_to", LocalDate.class),
                row.getString("file_name"), row.getInt("lines"), row.getInt("enrolled"), row.getInt("registered"),
                read(row.getString("refused")));
    }

    /** The request's own fields; the unit they name. */
    private Unit checked(Request request) {
        Problems problems = new Problems();
        if (request.unitCode() == null || request.unitCode().isBlank()) {
            problems.add("unitCode", "REQUIRED", "请填写单位编码");
        }
        if (request.scheme() == null || request.scheme().isBlank()) {
            problems.add("scheme", "REQUIRED", "请选择保障项目");
        } else if (!schemes.schemeNames().containsKey(request.scheme())) {
            problems.add("scheme", "UNKNOWN_SCHEME", "没有这个保障项目：" + request.scheme());
        }
        if (request.validFrom() == null) {
            problems.add("validFrom", "REQUIRED", "请填写保障起始日期");
        }
        if (request.validTo() == null) {
            problems.add("validTo", "REQUIRED", "请填写保障截止日期");
        } else if (request.validFrom() != null && request.validTo().isBefore(request.validFrom())) {
            problems.add("validTo", "BEFORE_START", "截止日期不能早于起始日期");
        }
        if (request.content() == null || request.content().length == 0) {
            problems.add("file", "REQUIRED", "请选择要导入的名单文件（.xlsx 或 .csv）");
        }
        problems.throwIfAny();
        return organisations.unit(request.unitCode().strip()).orElseThrow(() ->
                new InvalidInputException("unitCode", "UNKNOWN_UNIT", "没有这个单位：" + request.unitCode()));
    }

    private List<Good> classify(List<EnrolmentSheet.Line> lines, Unit unit, Request request, List<RefusedRow> refused) {
        Map<String, Integer> seen = new HashMap<>();
        List<Good> candidates = new ArrayList<>();
        for (EnrolmentSheet.Line line : lines) {
            Problems problems = new Problems();
            NameText.check(problems, "name", line.cell(EnrolmentSheet.NAME), "请填写姓名", 50);
            Optional<ResidentIdNumber> id = ResidentIdNumber.parse(line.cell(EnrolmentSheet.ID_NUMBER));
            String reason = null;
            if (id.isEmpty()) {
                reason = line.cell(EnrolmentSheet.ID_NUMBER).isEmpty() ? "请填写身份证号"
                        : "身份证号不正确（应为18位，校验位不符；Excel中请将此列设为文本）";
            } else if (seen.containsKey(id.get().value())) {
                reason = "与第" + seen.get(id.get().value()) + "行的身份证号重复";
            }
            String mobileTyped = line.cell(EnrolmentSheet.MOBILE);
            Optional<String> mobile = MobileNumber.parse(mobileTyped);
            Optional<InsuranceType> type = insuranceType(line.cell(EnrolmentSheet.INSURANCE_TYPE));
            if (reason == null && !problems.isEmpty()) {
                reason = "姓名：" + problems.firstMessage().orElseThrow();
            }
            if (reason == null && !mobileTyped.isEmpty() && mobile.isEmpty()) {
                reason = "手机号不正确（应为11位数字，以1开头）";
            }
            if (reason == null && type.isEmpty()) {
                reason = "参保类型应为“职工医保”或“城乡居民医保”";
            }
            id.ifPresent(number -> seen.putIfAbsent(number.value(), line.number()));
            if (reason != null) {
                refused.add(refusedRow(line, reason));
            } else {
                candidates.add(new Good(line, id.get(), line.cell(EnrolmentSheet.NAME), mobile.orElse(null), type.get(), null));
            }
        }
        Map<String, Registered> registered = registered(candidates.stream().map(row -> row.idNumber().value()).toList());
        Map<Long, String> enrolled = overlapping(registered.values().stream().map(Registered::id).toList(), request);
        List<Good> good = new ArrayList<>();
        for (Good row : candidates) {
            Registered before = registered.get(row.idNumber().value());
            String reason = null;
            if (before != null && before.unitId() != unit.id()) {
                reason = "已在其他单位登记，请先办理转移";
            } else if (before != null && !before.name().equals(row.name())) {
                reason = "姓名与已登记的“" + before.name() + "”不符";
            } else if (before != null && enrolled.containsKey(before.id())) {
                reason = "已参保（" + enrolled.get(before.id()) + "），与本次参保期重叠";
            }
            if (reason != null) {
                refused.add(refusedRow(row.line(), reason));
            } else {
                good.add(new Good(row.line(), row.idNumber(), row.name(), row.mobile(), row.type(), before));
            }
        }
        refused.sort(java.util.Comparator.comparingInt(RefusedRow::line));
        return good;
    }

    private static RefusedRow refusedRow(EnrolmentSheet.Line line, String reason) {
        return new RefusedRow(line.number(), line.cell(EnrolmentSheet.NAME), line.cell(EnrolmentSheet.ID_NUMBER),
                line.cell(EnrolmentSheet.MOBILE), line.cell(EnrolmentSheet.INSURANCE_TYPE), reason);
    }

    /** 职工医保 / 城乡居民医保 as offices write them (居民医保, 职工, EMPLOYEE …). */
    private static Optional<InsuranceType> insuranceType(String typed) {
        String text = typed.replaceAll("\\s", "");
        if (text.equals("EMPLOYEE") || text.startsWith("职工")) {
            return Optional.of(InsuranceType.EMPLOYEE);
        }
        if (text.equals("RESIDENT") || text.startsWith("居民") || text.startsWith("城乡居民")) {
            return Optional.of(InsuranceType.RESIDENT);
        }
        return Optional.empty();
    }

    private Map<String, Registered> registered(List<String> idNumbers) {
        Map<String, Registered> found = new HashMap<>();
        for (int i = 0; i < idNumbers.size(); i += CHUNK) {
            jdbc.sql("select id, id_number, unit_id, name from member where id_number in (:ids)")
                    .param("ids", idNumbers.subList(i, Math.min(i + CHUNK, idNumbers.size())))
                    .query((row, n) -> found.put(row.getString("id_number").strip(),
                            new Registered(row.getLong("id"), row.getLong("unit_id"), row.getString("name"))))
                    .list();
        }
        return found;
    }

    /** The members among these enrolled in the scheme for part of the period, with that enrolment's dates. */
    private Map<Long, String> overlapping(List<Long> memberIds, Request request) {
        Map<Long, String> found = new HashMap<>();
        for (int i = 0; i < memberIds.size(); i += CHUNK) {
            jdbc.sql("""
                            select member_id, min(valid_from) || '至' || max(valid_to) period from enrolment
                            where member_id in (:ids) and scheme = :scheme and valid_from <= :to and valid_to >= :from
                            group by member_id
                            """)
                    .param("ids", memberIds.subList(i, Math.min(i + CHUNK, memberIds.size())))
                    .param("scheme", request.scheme()).param("from", request.validFrom()).param("to", request.validTo())
                    .query((row, n) -> found.put(row.getLong("member_id"), row.getString("period"))).list();
        }
        return found;
    }

    private static String fileName(Request request) {
        String name = request.fileName() == null || request.fileName().isBlank() ? "名单" : request.fileName().strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(List<RefusedRow> rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RefusedRow> read(String text) {
        try {
            return json.readValue(text, REFUSED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("refused rows of an import cannot be read", e);
        }
    }
}
