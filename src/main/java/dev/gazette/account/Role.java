package dev.gazette.account;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A staff member's role and what it lets them do. */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    EDITOR(EnumSet.of(Permission.DASHBOARD, Permission.ARTICLES)),
    MODERATOR(EnumSet.of(Permission.DASHBOARD, Permission.REPLIES));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofCode(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role '" + code + "': use admin, editor or moderator");
        }
    }
}
