package org.huzhu.membership.web;

import java.net.URI;
import java.util.List;

import org.huzhu.membership.Agency;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.membership.Organiser;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators open organisers and agencies; an agency answers with the groups it brought. */
@RestController
@RequestMapping("/api")
class OrganisationController {

    private final OrganisationRegistry registry;

    OrganisationController(OrganisationRegistry registry) {
        this.registry = registry;
    }

    record OrganiserRequest(String code, String name) {
    }

    record AgencyRequest(String code, String name, String organiserCode) {
    }

    record Rename(String name) {
    }

    record OrganiserView(String code, String name) {

        static OrganiserView of(Organiser organiser) {
            return new OrganiserView(organiser.code(), organiser.name());
        }
    }

    /** @param groups the Camunda groups of its clerks and agency auditors, e.g. {@code agency-auditor-<code>} */
    record AgencyView(String code, String name, String organiserCode, List<String> groups) {

        static AgencyView of(Agency agency) {
            return new AgencyView(agency.code(), agency.name(), agency.organiserCode(), Role.groupsAtAgency(agency.code()));
        }
    }

    @GetMapping("/organisers")
    List<OrganiserView> organisers(@AuthenticationPrincipal Staff staff) {
        return registry.organisers(staff).stream().map(OrganiserView::of).toList();
    }

    @GetMapping("/organisers/{code}")
    OrganiserView organiser(@PathVariable String code, @AuthenticationPrincipal Staff staff) {
        return OrganiserView.of(registry.organiser(code, staff));
    }

    @PostMapping("/organisers")
    ResponseEntity<OrganiserView> addOrganiser(@RequestBody OrganiserRequest request, @AuthenticationPrincipal Staff staff) {
        Organiser organiser = registry.addOrganiser(request.code(), request.name(), staff);
        return ResponseEntity.created(URI.create("/api/organisers/" + organiser.code())).body(OrganiserView.of(organiser));
    }

    @PutMapping("/organisers/{code}")
    OrganiserView renameOrganiser(@PathVariable String code, @RequestBody Rename request,
                                  @AuthenticationPrincipal Staff staff) {
        return OrganiserView.of(registry.renameOrganiser(code, request.name(), staff));
    }

    @GetMapping("/agencies")
    List<AgencyView> agencies(@RequestParam(required = false) String organiser, @AuthenticationPrincipal Staff staff) {
        return registry.agencies(organiser, staff).stream().map(AgencyView::of).toList();
    }

    @GetMapping("/agencies/{code}")
    AgencyView agency(@PathVariable String code, @AuthenticationPrincipal Staff staff) {
        return AgencyView.of(registry.agency(code, staff));
    }

    @PostMapping("/agencies")
    ResponseEntity<AgencyView> addAgency(@RequestBody AgencyRequest request, @AuthenticationPrincipal Staff staff) {
        Agency agency = registry.addAgency(request.code(), request.name(), request.organiserCode(), staff);
        return ResponseEntity.created(URI.create("/api/agencies/" + agency.code())).body(AgencyView.of(agency));
    }

    @PutMapping("/agencies/{code}")
    AgencyView renameAgency(@PathVariable String code, @RequestBody Rename request, @AuthenticationPrincipal Staff staff) {
        return AgencyView.of(registry.renameAgency(code, request.name(), staff));
    }
}
