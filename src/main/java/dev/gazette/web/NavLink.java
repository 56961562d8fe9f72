package dev.gazette.web;

/** One entry of the site's main navigation. */
public record NavLink(String label, String path) {}
