package dev.gazette.web;

/** Where the server listens, the address readers know it by, and how it runs its request threads. */
public record ServerSettings(String host, int port, String publicUrl, boolean virtualThreads) {}
