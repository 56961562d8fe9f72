package dev.gazette.syndication;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Sockets that connect only to public addresses. The check is made in {@code connect}, on the very address the
 * socket is about to connect to, after DNS resolution: a name that resolves to 127.0.0.1, or that answers a
 * public address to one lookup and a private one to the next (DNS rebinding), is caught at the moment that counts.
 */
final class GuardedSocketFactory extends SocketFactory {
    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private static Socket connected(InetSocketAddress to) throws IOException {
        Socket socket = new GuardedSocket();
        socket.connect(to);
        return socket;
    }

    /** Refuses, before any packet is sent, to connect anywhere but a public address. */
    private static final class GuardedSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress to) || to.isUnresolved()
                    || !OutsideAddresses.isPublic(to.getAddress())) {
                close();
                throw new RefusedAddress();
            }
            super.connect(endpoint, timeout);
        }
    }

    /** The connection would have gone to a private or local address. */
    static final class RefusedAddress extends IOException {
        RefusedAddress() {
            super("refused: not a public address");
        }
    }
}
