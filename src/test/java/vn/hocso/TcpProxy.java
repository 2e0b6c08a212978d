package vn.hocso;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 a test puts between the app and a dependency, to make that dependency fail the ways a
 * network does without touching the real server (the machine's PostgreSQL is shared): {@link Mode#CUT} closes every
 * connection and refuses new ones at once; {@link Mode#FROZEN} accepts connections and never answers, on new and on
 * open connections alike, as a partition looks to the app; {@link Mode#PASS} forwards again.
 */
public final class TcpProxy implements AutoCloseable {

    public enum Mode {
        PASS,
        CUT,
        FROZEN
    }

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public Mode mode() {
        return mode;
    }

    /** Switches the mode; cutting or freezing also acts on the connections already open. */
    public void mode(Mode next) {
        mode = next;
        if (next == Mode.CUT) {
            for (Socket socket : open) {
                closeQuietly(socket);
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (mode == Mode.CUT) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                if (mode == Mode.FROZEN) {
                    // held open, never read from nor answered; released when the proxy is cut or closed
                    continue;
                }
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress(targetHost, targetPort), 2000);
                } catch (IOException e) {
                    closeQuietly(upstream);
                    closeQuietly(client);
                    open.remove(client);
                    continue;
                }
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            // a frozen link passes nothing more, in either direction, until it is cut
                            while (mode == Mode.FROZEN && !from.isClosed()) {
                                Thread.sleep(50);
                            }
                            if (mode == Mode.CUT) {
                                break;
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // the other side closed, or the link was cut
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        mode(Mode.CUT);
        server.close();
    }
}
