package dev.gazette.store;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** The PostgreSQL advisory lock keys Gazette uses: a first key of its own, so they meet no other program's. */
final class LockKeys {
    /** The first half of every Gazette lock (two-key form); "GZ" in ASCII. */
    static final int GAZETTE = 0x475A;
    /** The lock held while a node migrates and adds first-start content. */
    static final int START_UP = GAZETTE + 1;

    private LockKeys() {}

    /** The second key of a named job's lock: stable across nodes and versions. */
    static int of(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
