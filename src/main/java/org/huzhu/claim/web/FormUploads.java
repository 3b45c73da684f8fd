package org.huzhu.claim.web;

import java.util.ArrayList;
import java.util.List;

import org.huzhu.claim.ClaimPapers;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.FieldProblem;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files uploaded from a workbench form (intake, supplements): what the file input sent, and
 * the problems of the files at the form's fields. A browser cannot keep a chosen file, so a
 * refused upload asks for the file again.
 */
final class FormUploads {

    private FormUploads() {
    }

    /** The files chosen; a file input left empty still sends a part, without a name or bytes. */
    static List<ClaimPapers.SentFile> chosen(List<MultipartFile> files) {
        return ClaimPapersController.sent((files == null ? List.<MultipartFile>of() : files).stream()
                .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
                .toList());
    }

    /** The problems at the kind's and the file input's fields: each file's problem names the file. */
    static FieldErrors errors(List<FieldProblem> problems, List<ClaimPapers.SentFile> sent, String kindField,
                              String fileField) {
        FieldErrors errors = FieldErrors.none();
        List<String> aboutFiles = new ArrayList<>();
        for (FieldProblem problem : problems) {
            if (problem.field().startsWith("kind")) {
                errors.add(kindField, problem.message());
            } else {
                aboutFiles.add(named(problem.field(), sent) + problem.message());
            }
        }
        if (!aboutFiles.isEmpty()) {
            errors.add(fileField, String.join("；", aboutFiles) + "。请重新选择文件。");
        }
        return errors;
    }

    /** "出院小结.jpg：" for the problem of file[0]; nothing for one about all the files. */
    private static String named(String field, List<ClaimPapers.SentFile> sent) {
        if (field.matches("file\\[\\d+]")) {
            int i = Integer.parseInt(field.substring(5, field.length() - 1));
            if (i < sent.size() && sent.get(i).name() != null) {
                return sent.get(i).name() + "：";
            }
        }
        return "";
    }
}
