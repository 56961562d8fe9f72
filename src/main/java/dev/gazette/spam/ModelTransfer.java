package dev.gazette.spam;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Moves a whole model in and out of the shield in the versioned binary format of {@link ModelCodec}. */
final class ModelTransfer {
    private final ModelSync sync;

    ModelTransfer(ModelSync sync) {
        this.sync = sync;
    }

    void exportModel(OutputStream out) throws IOException {
        byte[] bytes = sync.read((model, features) -> ModelCodec.encode(model));
        out.write(bytes);
        out.flush();
    }

    /** Decodes first, so a stream that is not a model is refused before anything changes; then saves it in store order. */
    void importModel(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        ModelCodec.decode(bytes); // refused before anything changes
        sync.inStoreOrder(() -> {
            try {
                sync.install(ModelCodec.decode(bytes));
            } catch (InvalidModelException e) {
                throw new IllegalStateException("decoded once already", e);
            }
        });
    }
}
