package dev.gazette.web;

/** The model of the 404, 400 and 500 pages. */
public record ErrorView(Page page, int status, String heading, String message) {}
