package dev.gazette.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that turns every connection away with "421 Service not available", as a busy or throttling mail
 * server does (RFC 5321 4.2.3), until it is closed.
 */
final class RefusingSmtp implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;

    RefusingSmtp(int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                OutputStream out = client.getOutputStream();
                out.write("421 4.3.2 Service not available, closing transmission channel\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // closed: the test is done with it
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
