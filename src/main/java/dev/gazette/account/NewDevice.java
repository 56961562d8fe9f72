package dev.gazette.account;

import java.time.Instant;

/**
 * A sign-in from a browser the account had not used before, as its owner may be told of it: never the full address.
 *
 * @param browser the browser and system in a few words ("Firefox on Linux"), from the User-Agent
 * @param network the client's network with the last part of the address left out ("203.0.113.0/24")
 */
public record NewDevice(Instant at, String browser, String network) {}
