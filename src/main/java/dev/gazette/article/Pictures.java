package dev.gazette.article;

import java.util.List;
import java.util.Optional;

/** The slot where the media feature hands the article pages their pictures by id. */
public interface Pictures {
    Pictures NONE = new Pictures() {
        @Override
        public Optional<Picture> find(String id) {
            return Optional.empty();
        }

        @Override
        public List<Picture> recent(int limit) {
            return List.of();
        }
    };

    Optional<Picture> find(String id);

    /** The latest uploads, newest first: what the editor offers to reuse. */
    List<Picture> recent(int limit);
}
