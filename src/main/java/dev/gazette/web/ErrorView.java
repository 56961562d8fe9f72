package dev.gazette.web;

/** The model of the error pages (4xx and 500). */
public record ErrorView(Page page, int status, String heading, String message) {}
