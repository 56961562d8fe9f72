package dev.gazette.syndication;

/** Where an imported attachment's file becomes one of the site's pictures, through the site's own processing. */
@FunctionalInterface
public interface PictureIntake {
    PictureIntake NONE = (file, alt, caption, credit) -> {
        throw new IllegalStateException("This import takes no pictures.");
    };

    /**
     * @return the picture's id and the address pages load it from
     * @throws RuntimeException with a message saying why, when the file is refused (not a picture, too large)
     */
    Taken take(byte[] file, String alt, String caption, String credit);

    /** A picture made from an attachment. */
    record Taken(String id, String src) {}
}
