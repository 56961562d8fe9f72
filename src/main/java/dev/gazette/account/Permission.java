package dev.gazette.account;

import io.javalin.security.RouteRole;

/** What a staff route needs; routes declare it, the staff guard checks it against the signed-in role. */
public enum Permission implements RouteRole {
    DASHBOARD, ARTICLES, REPLIES, SETTINGS, PEOPLE
}
