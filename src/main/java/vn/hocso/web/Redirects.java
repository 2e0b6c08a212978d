package vn.hocso.web;

import java.net.URI;

/** Where a form may send the person back to. */
public final class Redirects {

    private Redirects() {}

    /**
     * A path on this site, or "/" — never another host, so a crafted {@code back=//evil.example} is no open
     * redirect; and never something that is not an address at all ({@code /a b}, {@code /{x}}), which a redirect
     * could not be built from.
     */
    public static String localOrHome(String path) {
        if (path == null
                || !path.startsWith("/")
                || path.startsWith("//")
                || path.startsWith("/\\")
                || path.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        try {
            URI.create(path);
        } catch (IllegalArgumentException e) {
            return "/";
        }
        return path;
    }
}
