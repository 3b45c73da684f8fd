package org.huzhu.membership;

import java.util.List;

import org.huzhu.audit.AuditTrail;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.NameText;
import org.huzhu.platform.Problems;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens organisers and their agencies, the first thing a union does on an empty database.
 * Administrators only, each change in the audit trail. An agency's Camunda groups (its clerks,
 * its agency auditors) come with it in the same transaction, so staff accounts and the agency
 * check can use them at once. Codes never change: units, claims, groups and process instances
 * carry them; names may.
 */
@Service
public class OrganisationRegistry {

    private static final int LONGEST_NAME = 100;
    private static final String ORGANISER_NAME_REQUIRED = "请填写主办单位名称";
    private static final String AGENCY_NAME_REQUIRED = "请填写代办点名称";

    private final Organisations organisations;
    private final IdentityBootstrap identities;
    private final AuditTrail audit;

    OrganisationRegistry(Organisations organisations, IdentityBootstrap identities, AuditTrail audit) {
        this.organisations = organisations;
        this.identities = identities;
        this.audit = audit;
    }

    public List<Organiser> organisers(Staff staff) {
        staff.requireAny(Role.ADMIN);
        return organisations.organisers();
    }

    public Organiser organiser(String code, Staff staff) {
        staff.requireAny(Role.ADMIN);
        return existingOrganiser(code);
    }

    public Agency agency(String code, Staff staff) {
        staff.requireAny(Role.ADMIN);
        return existingAgency(code);
    }

    /** Every agency, or those of one organiser. */
    public List<Agency> agencies(String organiserCode, Staff staff) {
        staff.requireAny(Role.ADMIN);
        return organiserCode == null || organiserCode.isBlank() ? organisations.agencies()
                : organisations.agenciesOf(organiserCode);
    }

    @Transactional
    public Organiser addOrganiser(String code, String name, Staff staff) {
        staff.requireAny(Role.ADMIN);
        Problems problems = new Problems();
        Codes.check(problems, "code", code);
        NameText.check(problems, "name", name, ORGANISER_NAME_REQUIRED, LONGEST_NAME);
        problems.throwIfAny();
        if (!organisations.addOrganiser(code, name.strip())) {
            throw DomainException.conflict("DUPLICATE_CODE", "主办单位编码已存在：" + code);
        }
        audit.record(staff.userId(), "ORGANISER_CREATED", "ORGANISER", code, null, "名称：" + name.strip());
        return organisations.organiser(code).orElseThrow();
    }

    @Transactional
    public Organiser renameOrganiser(String code, String name, Staff staff) {
        staff.requireAny(Role.ADMIN);
        String newName = checkedName(name, ORGANISER_NAME_REQUIRED);
        Organiser organiser = existingOrganiser(code);
        organisations.renameOrganiser(organiser.id(), newName);
        audit.record(staff.userId(), "ORGANISER_RENAMED", "ORGANISER", code, null,
                "原名称：" + organiser.name() + "；新名称：" + newName);
        return organisations.organiser(code).orElseThrow();
    }

    @Transactional
    public Agency addAgency(String code, String name, String organiserCode, Staff staff) {
        staff.requireAny(Role.ADMIN);
        Problems problems = new Problems();
        Codes.check(problems, "code", code);
        NameText.check(problems, "name", name, AGENCY_NAME_REQUIRED, LONGEST_NAME);
        if (organiserCode == null || organiserCode.isBlank()) {
            problems.add("organiserCode", "REQUIRED", "请选择主办单位");
        }
        problems.throwIfAny();
        Organiser organiser = organisations.organiser(organiserCode).orElseThrow(() ->
                new InvalidInputException("organiserCode", "UNKNOWN_ORGANISER", "没有这个主办单位：" + organiserCode));
        if (!organisations.addAgency(code, name.strip(), organiser.id())) {
            throw DomainException.conflict("DUPLICATE_CODE", "代办点编码已存在：" + code);
        }
        identities.ensureAgencyGroups(code, name.strip());
        audit.record(staff.userId(), "AGENCY_CREATED", "AGENCY", code, null, "名称：" + name.strip()
                + "；主办单位：" + organiser.code() + "；用户组：" + String.join("、", Role.groupsAtAgency(code)));
        return organisations.agency(code).orElseThrow();
    }

    /** Renames the agency and its groups with it. */
    @Transactional
    public Agency renameAgency(String code, String name, Staff staff) {
        staff.requireAny(Role.ADMIN);
        String newName = checkedName(name, AGENCY_NAME_REQUIRED);
        Agency agency = existingAgency(code);
        organisations.renameAgency(agency.id(), newName);
        identities.ensureAgencyGroups(code, newName);
        audit.record(staff.userId(), "AGENCY_RENAMED", "AGENCY", code, null,
                "原名称：" + agency.name() + "；新名称：" + newName);
        return organisations.agency(code).orElseThrow();
    }

    /** The demo's and the tests' organiser, made if missing, unchecked; answers its id. */
    public long ensureOrganiser(String code, String name) {
        organisations.addOrganiser(code, name);
        return organisations.organiser(code).orElseThrow().id();
    }

    /** The demo's and the tests' agency with its groups, made if missing, unchecked; one renamed since keeps its name. */
    @Transactional
    public void ensureAgency(String code, String name, long organiserId) {
        organisations.addAgency(code, name, organiserId);
        identities.ensureAgencyGroups(code, organisations.agency(code).orElseThrow().name());
    }

    /** The new name as stored, or its problems as a refusal. */
    private static String checkedName(String name, String requiredMessage) {
        Problems problems = new Problems();
        NameText.check(problems, "name", name, requiredMessage, LONGEST_NAME);
        problems.throwIfAny();
        return name.strip();
    }

    private Organiser existingOrganiser(String code) {
        return organisations.organiser(code)
                .orElseThrow(() -> DomainException.notFound("ORGANISER_NOT_FOUND", "主办单位不存在：" + code));
    }

    private Agency existingAgency(String code) {
        return organisations.agency(code)
                .orElseThrow(() -> DomainException.notFound("AGENCY_NOT_FOUND", "代办点不存在：" + code));
    }
}
