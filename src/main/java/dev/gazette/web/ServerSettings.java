package dev.gazette.web;

/** Where the server listens, the address readers know it by, how it runs its request threads, and which proxies it believes. */
public record ServerSettings(String host, int port, String publicUrl, boolean virtualThreads, TrustedProxies proxies) {}
