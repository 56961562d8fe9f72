package dev.gazette.web;

import java.time.Duration;

/**
 * Where the server listens, the address readers know it by, how it runs its request threads, which proxies it
 * believes, and how long it lets requests in flight finish when it stops.
 */
public record ServerSettings(String host, int port, String publicUrl, boolean virtualThreads, TrustedProxies proxies,
                             Duration drainTimeout) {}
