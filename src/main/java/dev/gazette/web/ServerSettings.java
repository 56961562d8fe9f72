package dev.gazette.web;

/** Where the server listens, how it runs its request threads, and which proxies it believes. */
public record ServerSettings(String host, int port, boolean virtualThreads, TrustedProxies proxies) {}
