package vn.hocso.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    @Test
    void scriptTagsAreShownAsTextNotRun() {
        String html = MarkdownRenderer.toSafeHtml("Xin chào <script>alert('x')</script>");
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void eventHandlersNeverReachThePage() {
        String html = MarkdownRenderer.toSafeHtml("<img src=x onerror=alert(1)>\n\n![a](https://x.vn/a.png \"t\")");
        assertFalse(html.contains("<img src=\"x\""), html);
        assertFalse(html.matches("(?s).*<[^>]*onerror.*"), html);
        assertTrue(html.contains("<img src=\"https://x.vn/a.png\""), html);
    }

    @Test
    void javascriptLinksLoseTheirTarget() {
        String html = MarkdownRenderer.toSafeHtml("[bấm vào đây](javascript:alert(1)) và [x](JaVaScRiPt:alert(2))");
        assertFalse(html.toLowerCase().contains("javascript:"), html);
        assertTrue(html.contains("bấm vào đây"), html);
    }

    @Test
    void ordinaryMarkdownKeepsItsStructure() {
        String html = MarkdownRenderer.toSafeHtml("""
                ## Bước 1

                1. Mở **Cài đặt**
                2. Chọn [Cổng DVC](https://dichvucong.gov.vn)

                > Ghi nhớ: không chia sẻ mã OTP.

                | A | B |
                |---|---|
                | 1 | 2 |
                """);
        assertTrue(html.contains("<h2>Bước 1</h2>"), html);
        assertTrue(html.contains("<strong>Cài đặt</strong>"), html);
        assertTrue(html.contains("<a href=\"https://dichvucong.gov.vn\""), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<table>"), html);
    }
}
