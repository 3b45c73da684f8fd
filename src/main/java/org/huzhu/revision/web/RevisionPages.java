package org.huzhu.revision.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.FieldProblem;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.revision.ApprovalDryRun;
import org.huzhu.revision.ProcessRevisions;
import org.huzhu.revision.RevisionFile;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The process admins' revisions in the workbench: upload files, read every failed check at its
 * file or the dry run, deploy what was tried, list revisions and versions, move running claims
 * to the newest version. The same services as {@link RevisionController}.
 */
@WorkbenchController
class RevisionPages {

    /** Uploads tried but not yet deployed, in the person's session, by a key the deploy form carries. */
    static final String STAGED = RevisionPages.class.getName() + ".staged";
    /** How many running claims a version's page lists. */
    static final int LISTED = 200;

    /** An upload that passed its checks and its dry run, waiting to be deployed. */
    public record Staged(List<RevisionFile> files, ApprovalDryRun.Report report) {

        public List<String> filenames() {
            return files.stream().map(RevisionFile::filename).toList();
        }

        /** The most tasks any group has on either side: the full length of the load chart's bars. */
        public int busiest() {
            return Math.max(1, report.groups().stream()
                    .mapToInt(g -> Math.max(g.liveTasks(), g.candidateTasks())).max().orElse(1));
        }
    }

    /** The problems found in one uploaded file. */
    public record FileProblems(String filename, List<FieldProblem> problems) {
    }

    @Component
    static class Menu implements WorkbenchMenu {

        @Override
        public List<MenuEntry> entries() {
            return List.of(new MenuEntry(MenuSection.RULES, "流程修订", "/revisions",
                    Set.of(Role.PROCESS_ADMIN.authority(), Role.ADMIN.authority()), true));
        }
    }

    private final ProcessRevisions revisions;
    private final ApprovalDryRun dryRun;
    private final StaffDirectory directory;

    RevisionPages(ProcessRevisions revisions, ApprovalDryRun dryRun, StaffDirectory directory) {
        this.revisions = revisions;
        this.dryRun = dryRun;
        this.directory = directory;
    }

    @GetMapping("/revisions")
    String overview(@RequestParam(required = false) String deployed, @AuthenticationPrincipal Staff staff, Model model) {
        staff.requireAny(Role.PROCESS_ADMIN, Role.ADMIN);
        if (deployed != null) {
            revisions.revisions().stream().filter(r -> r.deploymentId().equals(deployed)).findFirst()
                    .ifPresent(r -> model.addAttribute("deployed", r));
        }
        return page(model);
    }

    /** Checks the upload and tries it on recent claims; what passes waits in the session for its deploy. */
    @PostMapping("/revisions/dry-run")
    String tryOut(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @RequestParam(required = false) String sample, @AuthenticationPrincipal Staff staff,
                  HttpSession session, HttpServletResponse response, Model model) {
        staff.requireAny(Role.PROCESS_ADMIN, Role.ADMIN);
        model.addAttribute("sample", sample);
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()))).toList();
        List<RevisionFile> uploaded;
        Integer size;
        try {
            uploaded = RevisionController.read(chosen);
            size = sample == null || sample.isBlank() ? null : parse(sample);
            ApprovalDryRun.Report report = dryRun.run(uploaded, size, staff);
            String key = UUID.randomUUID().toString();
            staged(session).put(key, new Staged(uploaded, report));
            model.addAttribute("stagedKey", key);
            model.addAttribute("staged", staged(session).get(key));
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            List<String> names = chosen.stream().map(f -> f.getOriginalFilename() == null ? "" : f.getOriginalFilename()).toList();
            model.addAttribute("fileProblems", byFile(invalid.problems(), names));
            model.addAttribute("errors", atFields(invalid.problems()));
        } catch (DomainException refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("refusal", refused.getMessage());
        }
        return page(model);
    }

    /** Deploys an upload that passed its dry run; sent twice, the second finds it gone and says so. */
    @PostMapping("/revisions/deploy")
    String deploy(@RequestParam(required = false) String staged, @RequestParam(required = false) String comment,
                  @AuthenticationPrincipal Staff staff, HttpSession session, HttpServletResponse response, Model model) {
        staff.requireAny(Role.PROCESS_ADMIN, Role.ADMIN);
        Staged waiting = staged == null ? null : staged(session).get(staged);
        if (waiting == null) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", "这次上传已经部署或已失效，请在修订记录中查看，或重新上传");
            return page(model);
        }
        try {
            ProcessRevisions.Revision revision = revisions.deploy(waiting.files(), comment, staff);
            staged(session).remove(staged);
            return "redirect:/revisions?deployed=" + revision.deploymentId();
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("stagedKey", staged);
            model.addAttribute("staged", waiting);
            model.addAttribute("comment", comment);
            model.addAttribute("errors", atFields(invalid.problems()));
            model.addAttribute("fileProblems", byFile(invalid.problems(), waiting.filenames()));
            return page(model);
        }
    }

    /** One version and the claims running on it, to be moved to the newest version of their process. */
    @GetMapping("/revisions/versions/{id}")
    String version(@PathVariable String id, @AuthenticationPrincipal Staff staff, Model model) {
        staff.requireAny(Role.PROCESS_ADMIN, Role.ADMIN);
        return versionPage(id, model);
    }

    @PostMapping("/revisions/versions/{id}/migration")
    String migrate(@PathVariable String id, @RequestParam(name = "instances", required = false) List<String> instances,
                   @AuthenticationPrincipal Staff staff, HttpServletResponse response, Model model) {
        staff.requireAny(Role.PROCESS_ADMIN, Role.ADMIN);
        ProcessRevisions.Version version = find(id);
        if (instances == null || instances.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", Map.of("instances", "请选择要迁移的申请"));
            return versionPage(id, model);
        }
        model.addAttribute("report", revisions.migrate(version.key(), instances, staff));
        return versionPage(id, model);
    }

    private String versionPage(String id, Model model) {
        ProcessRevisions.Version version = find(id);
        model.addAttribute("version", version);
        model.addAttribute("latest", revisions.versions().stream().filter(v -> v.key().equals(version.key()))
                .mapToInt(ProcessRevisions.Version::version).max().orElse(version.version()));
        model.addAttribute("running", revisions.running(id, LISTED));
        model.addAttribute("listed", LISTED);
        model.addAttribute("crumbs", List.of(new Crumb("流程修订", "/revisions"),
                Crumb.here(version.key() + " 第" + version.version() + "版")));
        return "revision/version";
    }

    private ProcessRevisions.Version find(String id) {
        return revisions.versions().stream().filter(v -> v.processDefinitionId().equals(id)).findFirst()
                .orElseThrow(() -> DomainException.notFound("UNKNOWN_PROCESS_VERSION", "没有这个流程版本"));
    }

    private String page(Model model) {
        List<ProcessRevisions.Version> versions = revisions.versions();
        Map<String, Integer> latest = new LinkedHashMap<>();
        versions.forEach(v -> latest.merge(v.key(), v.version(), Math::max));
        List<ProcessRevisions.Revision> deployed = revisions.revisions();
        model.addAttribute("revisions", deployed);
        model.addAttribute("names", directory.names(deployed.stream().map(ProcessRevisions.Revision::deployedBy).toList()));
        model.addAttribute("versions", versions);
        model.addAttribute("latest", latest);
        model.addAttribute("crumbs", List.of(Crumb.here("流程修订")));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "revision/revisions";
    }

    private static Integer parse(String sample) {
        try {
            return Integer.valueOf(sample.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("sample", "NOT_A_NUMBER", "样本数须是整数");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Staged> staged(HttpSession session) {
        Object held = session.getAttribute(STAGED);
        if (held == null) {
            held = new ConcurrentHashMap<String, Staged>();
            session.setAttribute(STAGED, held);
        }
        return (Map<String, Staged>) held;
    }

    /** Problems of a field that is no file (the comment, the sample, the upload as a whole), joined per field. */
    private static Map<String, String> atFields(List<FieldProblem> problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        problems.stream().filter(p -> !p.field().startsWith("files["))
                .forEach(p -> fields.merge(p.field(), p.message(), (a, b) -> a + "；" + b));
        return fields;
    }

    /** The problems of each uploaded file ("files[2]"), in the order of the files. */
    private static List<FileProblems> byFile(List<FieldProblem> problems, List<String> filenames) {
        List<FileProblems> found = new ArrayList<>();
        for (int i = 0; i < filenames.size(); i++) {
            String field = "files[" + i + "]";
            List<FieldProblem> own = problems.stream().filter(p -> p.field().equals(field)).toList();
            if (!own.isEmpty()) {
                found.add(new FileProblems(filenames.get(i), own));
            }
        }
        return found;
    }
}
