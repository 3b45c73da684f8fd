package org.huzhu.papers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.huzhu.platform.Problems;
import org.springframework.stereotype.Component;

/**
 * What an uploaded file must be to become a paper: not empty, within the limits
 * ({@link PaperLimits}), a JPEG, PNG or PDF by its bytes, readable, an image's size read from
 * its header before it is decoded (and then only into a small copy), a PDF's pages counted, and no PDF with scripts or attached files.
 */
@Component
public class PaperChecks {

    private static final String ACCEPTED = "只接受 JPEG、PNG 图片或 PDF 文件（按文件内容识别，与文件名无关）";

    /** Each upload checked; the problems of all of them are added at their fields, the good ones answered. */
    public List<CheckedPaper> check(List<PaperUpload> uploads, Problems problems) {
        List<CheckedPaper> checked = new ArrayList<>();
        for (PaperUpload upload : uploads) {
            check(upload, problems).ifPresent(checked::add);
        }
        return checked;
    }

    /**
     * An OFD file (a ZIP whose entries include {@code OFD.xml}), told apart only to name it in the
     * refusal: nothing here can show one. The names are read from the bytes as stored, so nothing
     * is inflated.
     */
    private static boolean isOfd(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4
                && new String(bytes, StandardCharsets.ISO_8859_1).contains("OFD.xml");
    }

    Optional<CheckedPaper> check(PaperUpload upload, Problems problems) {
        byte[] bytes = upload.bytes();
        String field = upload.field();
        if (bytes.length == 0) {
            problems.add(field, "EMPTY_FILE", "文件是空的（0 字节）");
            return Optional.empty();
        }
        if (bytes.length > PaperLimits.FILE_BYTES) {
            problems.add(field, "FILE_TOO_LARGE", "文件超过 10 MB");
            return Optional.empty();
        }
        Optional<PaperType> type = PaperType.of(bytes);
        if (type.isEmpty()) {
            if (isOfd(bytes)) {
                problems.add(field, "OFD_NOT_SUPPORTED", "暂不支持 OFD 版式文件：请从开票平台下载该发票的 PDF 版上传，或打印后拍照上传");
            } else {
                problems.add(field, "UNSUPPORTED_FILE_TYPE", ACCEPTED);
            }
            return Optional.empty();
        }
        Integer pages = null;
        Optional<String> refusal;
        if (type.get().isImage()) {
            refusal = imageRefusal(bytes, field, problems);
        } else {
            Pdf pdf = pdf(bytes);
            refusal = pdf.refusal();
            pages = pdf.pages();
            if (refusal.isPresent()) {
                problems.add(field, pdf.code(), refusal.get());
            }
        }
        if (refusal.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new CheckedPaper(upload.kind(), safeName(upload.originalName(), type.get()), type.get(),
                bytes, sha256(bytes), pages));
    }

    private static Optional<String> imageRefusal(byte[] bytes, String field, Problems problems) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return refuse(problems, field, "UNREADABLE_FILE", "图片无法读取，可能已损坏");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > PaperLimits.IMAGE_PIXELS) {
                    return refuse(problems, field, "IMAGE_TOO_LARGE",
                            "图片超过 1 亿像素（" + width + "×" + height + "），请缩小后再上传");
                }
                // the whole picture decodes (into a small copy): a broken one is refused now, not when shown
                PaperPictures.sampled(reader, PaperPictures.THUMBNAIL * 2);
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return refuse(problems, field, "UNREADABLE_FILE", "图片无法读取，可能已损坏");
        }
    }

    private static Optional<String> refuse(Problems problems, String field, String code, String message) {
        problems.add(field, code, message);
        return Optional.of(message);
    }

    /** A PDF's page count, or why it is refused (with a stable code). */
    private record Pdf(Integer pages, String code, Optional<String> refusal) {

        static Pdf refused(String code, String message) {
            return new Pdf(null, code, Optional.of(message));
        }
    }

    private static Pdf pdf(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                return Pdf.refused("UNREADABLE_FILE", "PDF 没有页面，可能已损坏");
            }
            if (pages > PaperLimits.PDF_PAGES) {
                return Pdf.refused("TOO_MANY_PAGES", "PDF 超过 " + PaperLimits.PDF_PAGES + " 页（共 " + pages + " 页）");
            }
            if (hasActiveContent(document)) {
                return Pdf.refused("PDF_ACTIVE_CONTENT", "PDF 含有脚本或附件，不予接收；请另存为普通 PDF 或拍照上传");
            }
            return new Pdf(pages, null, Optional.empty());
        } catch (InvalidPasswordException e) {
            return Pdf.refused("PDF_ENCRYPTED", "PDF 设有密码，请去掉密码后再上传");
        } catch (IOException | RuntimeException e) {
            return Pdf.refused("UNREADABLE_FILE", "PDF 无法读取，可能已损坏");
        }
    }

    /** Any object of the file that is a script, a script action or an attached file, wherever it sits. */
    private static boolean hasActiveContent(PDDocument document) {
        for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            COSBase value = object == null ? null : object.getObject();
            if (value instanceof COSDictionary dictionary && active(dictionary)) {
                return true;
            }
        }
        return false;
    }

    private static boolean active(COSDictionary dictionary) {
        return dictionary.containsKey(COSName.JS) || COSName.JAVA_SCRIPT.equals(dictionary.getCOSName(COSName.S))
                || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))
                || dictionary.containsKey(COSName.EMBEDDED_FILES) || dictionary.containsKey(COSName.JAVA_SCRIPT);
    }

    /**
     * The name as people will read it: the last part of whatever path the device sent, without
     * control characters, at most 200 characters; a name in its own right when nothing is left.
     */
    static String safeName(String sent, PaperType type) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "材料." + type.extension();
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Whether the name is a hash as the stores name bytes (64 lower-case hex digits), not something else beside them. */
    static boolean isSha256(String name) {
        return SHA256.matcher(name).matches();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
