package vn.hocso.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.hocso.web.Dates;

/**
 * Certificate and transcript PDFs. The 14 standard PDF fonts cannot encode Vietnamese, so DejaVu Sans (shipped in
 * resources/fonts, free licence) is embedded as a subset. The QR code is drawn as vector squares: sharp at any zoom
 * and when printed.
 */
@ApplicationScoped
class CertificatePdf {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final float[] RED = {0.70f, 0.15f, 0.12f};
    private static final float[] INK = {0.11f, 0.14f, 0.19f};
    private static final float[] MUTED = {0.33f, 0.38f, 0.43f};

    // transcript columns: "Ngày hoàn thành" in bold is ~90 pt wide, so the code column starts well after it
    static final float DATE_COLUMN = 315;
    static final float CODE_COLUMN = 430;

    private final byte[] regular = font("fonts/DejaVuSans.ttf");
    private final byte[] bold = font("fonts/DejaVuSans-Bold.ttf");

    /** A4 landscape, one page, without a unit's signature. */
    byte[] render(Certificate c, String verificationUrl) {
        return render(c, verificationUrl, null);
    }

    /** A4 landscape, one page; {@code signature}, when not null, signs it (title, seal, signature, name). */
    byte[] render(Certificate c, String verificationUrl, CertificateSignature signature) {
        try (PDDocument doc = new PDDocument()) {
            describe(doc, "Chứng nhận " + c.code, c.holderName);
            PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(a4);
            doc.addPage(page);
            PDFont text = PDType0Font.load(doc, new ByteArrayInputStream(regular));
            PDFont strong = PDType0Font.load(doc, new ByteArrayInputStream(bold));
            float w = a4.getWidth();
            float h = a4.getHeight();
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                frame(out, w, h);
                centred(out, strong, 13, RED, w, h - 80, c.issuerName.toUpperCase(VIETNAMESE));
                centred(out, strong, 30, INK, w, h - 135, "CHỨNG NHẬN HOÀN THÀNH");
                centred(out, text, 13, MUTED, w, h - 158, "Certificate of completion");
                centred(out, text, 15, INK, w, h - 205, "Chứng nhận Ông/Bà");
                centred(out, strong, 28, INK, w, h - 245, c.holderName);
                float y = h - 290;
                if (c.unitName != null) {
                    centred(out, text, 14, MUTED, w, y, "Đơn vị: " + c.unitName);
                    y -= 34;
                }
                centred(out, text, 15, INK, w, y, "đã hoàn thành khoá học");
                y -= 30;
                for (String line : wrap(strong, 20, c.courseTitleVi, w - 220)) {
                    centred(out, strong, 20, RED, w, y, line);
                    y -= 26;
                }
                centred(out, text, 14, INK, w, y - 8, "Ngày hoàn thành: " + Dates.day(c.completedOn));
                if (signature != null) {
                    // between the verification code (left) and the QR code (right), under the last line of text
                    sign(doc, out, text, strong, signature, w / 2 + 60, Math.min(y - 32, 175));
                }

                float qr = 104;
                float qrX = w - 70 - qr;
                float qrY = 66;
                qrCode(out, verificationUrl, qrX, qrY, qr);
                left(out, text, 10, MUTED, 70, 104, "Mã xác thực / Verification code");
                left(out, strong, 16, INK, 70, 84, CertificateCode.display(c.code));
                left(out, text, 9, MUTED, 70, 68, verificationUrl);
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The signature block as on Vietnamese certificates: the signer's title, the seal with the signature over it, the
     * signer's name; centred on {@code cx}, starting at {@code top}. Images keep their proportions inside their boxes.
     */
    private static void sign(
            PDDocument doc,
            PDPageContentStream out,
            PDFont text,
            PDFont strong,
            CertificateSignature s,
            float cx,
            float top)
            throws IOException {
        centred(out, strong, 11, INK, 2 * cx, top, s.signerTitle.toUpperCase(VIETNAMESE));
        float boxTop = top - 8;
        float boxHeight = 62;
        if (s.sealPng != null) {
            image(doc, out, s.sealPng, "seal", cx - 40, boxTop - boxHeight, 80, boxHeight);
        }
        if (s.signaturePng != null) {
            image(doc, out, s.signaturePng, "signature", cx - 60, boxTop - boxHeight + 8, 120, 44);
        }
        centred(out, strong, 12, INK, 2 * cx, boxTop - boxHeight - 16, s.signerName);
    }

    private static void image(
            PDDocument doc, PDPageContentStream out, byte[] png, String name, float x, float y, float w, float h)
            throws IOException {
        PDImageXObject image = PDImageXObject.createFromByteArray(doc, png, name);
        float scale = Math.min(w / image.getWidth(), h / image.getHeight());
        float iw = image.getWidth() * scale;
        float ih = image.getHeight() * scale;
        out.drawImage(image, x + (w - iw) / 2, y + (h - ih) / 2, iw, ih);
    }

    /** One row of a transcript. */
    record TranscriptLine(String course, String completedOn, String code) {}

    /** A learner's transcript: every completed course with its date and certificate code. */
    byte[] transcript(String holder, String unit, String issuer, List<TranscriptLine> lines) {
        try (PDDocument doc = new PDDocument()) {
            describe(doc, "Bảng kết quả học tập", holder);
            PDFont text = PDType0Font.load(doc, new ByteArrayInputStream(regular));
            PDFont strong = PDType0Font.load(doc, new ByteArrayInputStream(bold));
            PDRectangle a4 = PDRectangle.A4;
            float w = a4.getWidth();
            int row = 0;
            PDPage page = null;
            PDPageContentStream out = null;
            float y = 0;
            try {
                do {
                    if (page == null || y < 80) {
                        if (out != null) {
                            out.close();
                        }
                        page = new PDPage(a4);
                        doc.addPage(page);
                        out = new PDPageContentStream(doc, page);
                        y = a4.getHeight() - 60;
                        left(out, strong, 11, RED, 50, y, issuer.toUpperCase(VIETNAMESE));
                        left(out, strong, 20, INK, 50, y - 32, "BẢNG KẾT QUẢ HỌC TẬP");
                        left(out, text, 12, INK, 50, y - 56, "Họ và tên: " + holder);
                        left(out, text, 12, INK, 50, y - 74, "Đơn vị: " + (unit == null ? "—" : unit));
                        y -= 110;
                        left(out, strong, 11, MUTED, 50, y, "Khoá học");
                        left(out, strong, 11, MUTED, DATE_COLUMN, y, "Ngày hoàn thành");
                        left(out, strong, 11, MUTED, CODE_COLUMN, y, "Mã chứng nhận");
                        y -= 20;
                    }
                    if (row < lines.size()) {
                        TranscriptLine line = lines.get(row);
                        List<String> wrapped = wrap(text, 11, line.course(), DATE_COLUMN - 50 - 15);
                        for (int i = 0; i < wrapped.size(); i++) {
                            left(out, text, 11, INK, 50, y - i * 14, wrapped.get(i));
                        }
                        left(out, text, 11, INK, DATE_COLUMN, y, line.completedOn());
                        left(out, strong, 11, INK, CODE_COLUMN, y, line.code());
                        y -= 14 * wrapped.size() + 10;
                    }
                    row++;
                } while (row < lines.size());
            } finally {
                if (out != null) {
                    out.close();
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void describe(PDDocument doc, String title, String author) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator("HọcSố");
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        return bytes.toByteArray();
    }

    private static void frame(PDPageContentStream out, float w, float h) throws IOException {
        out.setStrokingColor(RED[0], RED[1], RED[2]);
        out.setLineWidth(4);
        out.addRect(28, 28, w - 56, h - 56);
        out.stroke();
        out.setLineWidth(1);
        out.addRect(38, 38, w - 76, h - 76);
        out.stroke();
    }

    private static void centred(
            PDPageContentStream out, PDFont font, float size, float[] colour, float pageWidth, float y, String s)
            throws IOException {
        float width = font.getStringWidth(s) / 1000 * size;
        left(out, font, size, colour, (pageWidth - width) / 2, y, s);
    }

    private static void left(
            PDPageContentStream out, PDFont font, float size, float[] colour, float x, float y, String s)
            throws IOException {
        out.beginText();
        out.setNonStrokingColor(colour[0], colour[1], colour[2]);
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(s);
        out.endText();
    }

    /** Breaks text into lines no wider than {@code max} points, at spaces. */
    static List<String> wrap(PDFont font, float size, String text, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > max) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void qrCode(PDPageContentStream out, String content, float x, float y, float size)
            throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.MARGIN,
                                    0,
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + content + " as a QR code", e);
        }
        // a white quiet zone of four modules around the code, as scanners expect
        float module = size / (matrix.getWidth() + 8);
        out.setNonStrokingColor(1f, 1f, 1f);
        out.addRect(x, y, size, size);
        out.fill();
        out.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    out.addRect(x + (col + 4) * module, y + size - (row + 5) * module, module, module);
                }
            }
        }
        out.fill();
    }

    private static byte[] font(String resource) {
        try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
