package vn.hocso.web;

/** Where a form may send the person back to. */
public final class Redirects {

    private Redirects() {}

    /**
     * A path on this site, or "/" — never another host, so a crafted {@code back=//evil.example} is no open
     * redirect.
     */
    public static String localOrHome(String path) {
        if (path == null
                || !path.startsWith("/")
                || path.startsWith("//")
                || path.startsWith("/\\")
                || path.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return path;
    }
}
