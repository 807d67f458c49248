package dev.consentry.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The load generator's side of the timed workloads: HTTP/1.1 GETs and POSTs on one kept-alive connection per client
 * thread, written and read by hand, as {@code wrk} does. The JDK's {@code HttpClient} spends more CPU per request than the lookup it
 * measures (a selector thread, futures and header maps per call); on two shared cores that CPU is taken from the
 * service. Only what the workloads need: a status code, a body read to its end (Content-Length or chunked) and
 * discarded, and a new connection when the server closed the old one.
 */
final class KeepAliveHttp {

    private final String host;
    private final int port;
    private final String token;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    KeepAliveHttp(String baseUrl, String token) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.token = token;
    }

    /** GETs {@code path} on this thread's connection and returns the status code. */
    int get(String path) throws IOException {
        return send(path, null, null);
    }

    /** POSTs {@code body} to {@code path} on this thread's connection and returns the status code. */
    int post(String path, String contentType, String body) throws IOException {
        return send(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private int send(String path, String contentType, byte[] body) throws IOException {
        Connection connection = connections.get();
        if (connection != null) {
            try {
                return connection.send(path, contentType, body);
            } catch (IOException closedMeanwhile) {
                // a connection the server closed while idle; a request that failed half-way is not repeated
                connection.close();
                connections.remove();
                if (body != null) {
                    throw closedMeanwhile;
                }
            }
        }
        connection = new Connection();
        connections.set(connection);
        return connection.send(path, contentType, body);
    }

    private final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        int send(String path, String contentType, byte[] body) throws IOException {
            StringBuilder head = new StringBuilder(512).append(body == null ? "GET " : "POST ").append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                    .append("\r\nAuthorization: Bearer ").append(token).append("\r\nAccept: application/json\r\n");
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length)
                        .append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            } else if (length < 0) {
                close = true; // the body runs to the end of the connection
            }
            if (close) {
                connections.remove();
                close();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
