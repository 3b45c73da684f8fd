package org.huzhu.revision.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.revision.ApprovalDryRun;
import org.huzhu.revision.ProcessRevisions;
import org.huzhu.revision.RevisionFile;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Process admins revise processes, decisions and forms, and move running claims onto a new version. */
@RestController
@RequestMapping("/api/admin")
class RevisionController {

    /** A revision is a handful of files; the server takes at most 50 parts in all. */
    static final int MAX_FILES = 40;

    private final ProcessRevisions revisions;
    private final ApprovalDryRun dryRun;

    RevisionController(ProcessRevisions revisions, ApprovalDryRun dryRun) {
        this.revisions = revisions;
        this.dryRun = dryRun;
    }

    @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ProcessRevisions.Revision deploy(@RequestPart(name = "files", required = false) List<MultipartFile> files,
                                     @RequestPart(name = "comment", required = false) String comment,
                                     @AuthenticationPrincipal Staff staff) {
        staff.requireAny(Role.PROCESS_ADMIN, Role.ADMIN);
        return revisions.deploy(read(files), comment, staff);
    }

    /** Replays recent claims' figures through the uploaded routing; deploys nothing. */
    @PostMapping(path = "/deployments/dry-run", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApprovalDryRun.Report dryRun(@RequestPart(name = "files", required = false) List<MultipartFile> files,
                                 @RequestParam(name = "sample", required = false) Integer sample,
                                 @AuthenticationPrincipal Staff staff) {
        staff.requireAny(Role.PROCESS_ADMIN, Role.ADMIN);
        return dryRun.run(read(files), sample, staff);
    }

    static List<RevisionFile> read(List<MultipartFile> files) {
        if (files != null && files.size() > MAX_FILES) {
            throw new InvalidInputException("files", "TOO_MANY_FILES", "一次最多上传 " + MAX_FILES + " 个文件");
        }
        List<RevisionFile> uploaded = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replaceAll(".*[/\\\\]", "");
            if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new InvalidInputException("files", "INVALID_FILENAME", "文件名只能是字母、数字、点、下划线或连字符：" + name);
            }
            try {
                uploaded.add(new RevisionFile(name, file.getBytes()));
            } catch (IOException e) {
                throw new InvalidInputException("files", "UNREADABLE_FILE", "无法读取上传的文件：" + name);
            }
        }
        return uploaded;
    }

    @GetMapping("/deployments")
    List<ProcessRevisions.Revision> list(@AuthenticationPrincipal Staff staff) {
        requireProcessAdmin(staff);
        return revisions.revisions();
    }

    @GetMapping("/process-versions")
    List<ProcessRevisions.Version> versions(@AuthenticationPrincipal Staff staff) {
        requireProcessAdmin(staff);
        return revisions.versions();
    }

    record MigrationRequest(String processKey, List<String> processInstanceIds) {
    }

    @PostMapping("/migrations")
    ProcessRevisions.MigrationReport migrate(@RequestBody MigrationRequest request, @AuthenticationPrincipal Staff staff) {
        requireProcessAdmin(staff);
        return revisions.migrate(request.processKey() == null ? "claim-lifecycle" : request.processKey(),
                request.processInstanceIds(), staff);
    }

    private static void requireProcessAdmin(Staff staff) {
        if (!staff.hasAny(Role.PROCESS_ADMIN, Role.ADMIN)) {
            throw DomainException.forbidden("NOT_PROCESS_ADMIN", "只有流程管理员可以管理流程版本");
        }
    }
}
