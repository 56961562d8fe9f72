package dev.gazette.web;

/** Where the server listens and how it runs its request threads. */
public record ServerSettings(String host, int port, boolean virtualThreads) {}
