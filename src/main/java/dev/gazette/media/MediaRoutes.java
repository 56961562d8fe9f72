package dev.gazette.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.account.Activity;
import dev.gazette.account.Permission;
import dev.gazette.account.Staff;
import dev.gazette.account.StaffPage;
import dev.gazette.article.Picture;
import dev.gazette.web.ImmutableFiles;
import dev.gazette.web.Params;
import dev.gazette.web.Responses;
import dev.gazette.web.Routes;
import dev.gazette.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Pictures on the web: each variant at {@code /media/{id}-{width}.{ext}}, the same bytes forever (so any cache may
 * keep them a year), typed from the name, never sniffed; and the newsroom's upload and picture list.
 */
public final class MediaRoutes implements Routes {
    static final int PAGE_SIZE = 30;
    // Multipart headers and the text fields around the file; anything longer than the file limit plus this is refused
    // before a byte of the body is read.
    private static final long FORM_OVERHEAD = 64 * 1024;
    private static final Pattern EDITOR = Pattern.compile("/admin/articles/(?:new|[0-9]{1,18}/edit)");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final MediaLibrary library;
    private final Activity activity;
    private final Templates templates;
    private final Consumer<String> described;

    /** @param described told the id of a picture whose words changed, to purge the pages that show them */
    public MediaRoutes(MediaLibrary library, Activity activity, Templates templates, Consumer<String> described) {
        this.library = library;
        this.activity = activity;
        this.templates = templates;
        this.described = described;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/media/{name}", this::serve);
        routes.head("/media/{name}", this::serve);
        // Before the staff guard reads the form (for its token), so an oversized body is never read at all.
        routes.before("/admin/media", this::refuseOversized);
        routes.get("/admin/media", this::list, Permission.ARTICLES);
        routes.post("/admin/media", this::upload, Permission.ARTICLES);
        routes.get("/admin/media/{id}", this::editWords, Permission.ARTICLES);
        routes.post("/admin/media/{id}", this::saveWords, Permission.ARTICLES);
    }

    @Override
    public List<ImmutableFiles> immutableFiles() {
        return List.of(new ImmutableFiles() {
            @Override
            public String prefix() {
                return "/media/";
            }

            @Override
            public Optional<ImmutableFiles.File> find(String name) {
                return library.buffer(name).map(bytes -> new ImmutableFiles.File(bytes,
                        Variant.contentType(name.substring(name.lastIndexOf('.') + 1))));
            }
        });
    }

    /** What {@link #immutableFiles()} did not serve: a name not found (the site's 404 page) or a store that failed. */
    private void serve(Context ctx) {
        String name = ctx.pathParam("name");
        Optional<byte[]> bytes = library.file(name);
        if (bytes.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("No such picture.");
            return;
        }
        // The name holds a hash of the content, so it is the validator too.
        String etag = "\"" + name + "\"";
        ctx.header("Cache-Control", IMMUTABLE);
        ctx.header("ETag", etag);
        ctx.header("X-Content-Type-Options", "nosniff");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(Variant.contentType(name.substring(name.lastIndexOf('.') + 1)));
        // One write of known length, past Javalin's result stream: that one copies in small chunked writes, which
        // made a 180 KB picture take some 20 ms on loopback (Nagle and delayed ACKs between the pieces).
        byte[] body = bytes.get();
        ctx.res().setContentLength(body.length);
        try {
            ctx.res().getOutputStream().write(body);
        } catch (IOException e) {
            // The reader went away mid-picture; nothing to tell anyone.
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) return true;
        }
        return false;
    }

    private void refuseOversized(Context ctx) {
        if (!ctx.method().name().equals("POST")) return;
        long limit = library.limits().maxBytes() + FORM_OVERHEAD;
        long length = ctx.req().getContentLengthLong();
        if (length < 0 || length > limit) {
            String message = length < 0
                    ? "The upload did not say how large it is. Send it from the editor's form."
                    : "The file is larger than this site takes (" + megabytes(library.limits().maxBytes()) + " MB at"
                            + " most). Save it smaller and upload it again.";
            ctx.status(length < 0 ? HttpStatus.LENGTH_REQUIRED : HttpStatus.CONTENT_TOO_LARGE);
            Responses.personal(ctx);
            if (wantsJson(ctx)) {
                ctx.contentType("application/json").result(json(Map.of("errors", Map.of("file", message))));
            } else {
                ctx.contentType("text/plain; charset=utf-8").result(message);
            }
            ctx.skipRemainingHandlers();
        }
    }

    private void list(Context ctx) {
        render(ctx, HttpStatus.OK, view(ctx, new MediaText("", "", ""), Map.of(), done(ctx)));
    }

    private void upload(Context ctx) {
        MediaText text = new MediaText(ctx.formParam("alt"), ctx.formParam("caption"), ctx.formParam("credit"));
        Map<String, String> errors = new LinkedHashMap<>();
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            errors.put("file", "Choose a picture to upload (JPEG, PNG, GIF or WebP).");
        }
        errors.putAll(text.errors());
        MediaLibrary.Added added = null;
        if (errors.isEmpty()) {
            try {
                added = library.add(read(file), text);
            } catch (PictureRefused e) {
                errors.put("file", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            if (wantsJson(ctx)) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType("application/json")
                        .result(json(Map.of("errors", errors)));
            } else {
                render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, view(ctx, text, errors, ""));
            }
            return;
        }
        MediaItem item = added.item();
        if (!added.existed()) activity.record(Staff.of(ctx), "upload picture", item.id() + " " + item.alt());
        if (wantsJson(ctx)) {
            ctx.status(added.existed() ? HttpStatus.OK : HttpStatus.CREATED).contentType("application/json")
                    .result(json(describe(item, added.existed())));
            return;
        }
        String back = ctx.formParam("return");
        if (back != null && EDITOR.matcher(back).matches()) {
            ctx.redirect(back + "?picture=" + item.id(), HttpStatus.SEE_OTHER);
        } else {
            ctx.redirect("/admin/media?done=" + (added.existed() ? "existed" : "uploaded"), HttpStatus.SEE_OTHER);
        }
    }

    private void editWords(Context ctx) {
        MediaItem item = picture(ctx);
        renderWords(ctx, HttpStatus.OK, new MediaWordsView(Staff.of(ctx).page("Picture", "/admin/media"), item,
                new MediaText(item.alt(), item.caption(), item.credit()), Map.of(), returnTo(ctx.queryParam("return"))));
    }

    private void saveWords(Context ctx) {
        MediaItem item = picture(ctx);
        MediaText text = new MediaText(ctx.formParam("alt"), ctx.formParam("caption"), ctx.formParam("credit"));
        String back = returnTo(ctx.formParam("return"));
        Map<String, String> errors = text.errors();
        if (!errors.isEmpty()) {
            renderWords(ctx, HttpStatus.UNPROCESSABLE_CONTENT,
                    new MediaWordsView(Staff.of(ctx).page("Picture", "/admin/media"), item, text, errors, back));
            return;
        }
        MediaItem saved = library.describe(item.id(), text).orElseThrow(NotFoundResponse::new);
        activity.record(Staff.of(ctx), "describe picture", saved.id() + " " + saved.alt());
        described.accept(saved.id());
        ctx.redirect(back.isEmpty() ? "/admin/media?done=described" : back, HttpStatus.SEE_OTHER);
    }

    private MediaItem picture(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) throw new NotFoundResponse();
        return library.item(id).orElseThrow(NotFoundResponse::new);
    }

    /** Only the article editor is a place to go back to; anything else goes to the picture list. */
    private static String returnTo(String back) {
        return back != null && EDITOR.matcher(back).matches() ? back : "";
    }

    private void renderWords(Context ctx, HttpStatus status, MediaWordsView view) {
        ctx.status(status);
        Responses.html(ctx, templates.render("media/words.jte", view));
    }

    private static Map<String, Object> describe(MediaItem item, boolean existed) {
        Picture p = item.picture();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("existed", existed);
        json.put("src", p.src());
        json.put("srcset", p.srcset());
        json.put("width", p.width());
        json.put("height", p.height());
        json.put("alt", item.alt());
        json.put("caption", item.caption());
        json.put("credit", item.credit());
        json.put("markdown", item.markdown());
        return json;
    }

    private byte[] read(UploadedFile file) {
        long max = library.limits().maxBytes();
        if (file.size() > max) {
            throw new PictureRefused("The file is larger than this site takes (" + megabytes(max) + " MB at most)."
                    + " Save it smaller and upload it again.");
        }
        try (InputStream in = file.content()) {
            return in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MediaListView view(Context ctx, MediaText text, Map<String, String> errors, String notice) {
        int page = Params.page(ctx);
        List<MediaItem> items = library.newest((page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean more = items.size() > PAGE_SIZE;
        return new MediaListView(Staff.of(ctx).page("Pictures", "/admin/media"), more ? items.subList(0, PAGE_SIZE) : items,
                page, more, text, errors, notice, library.limits());
    }

    private void render(Context ctx, HttpStatus status, MediaListView view) {
        ctx.status(status);
        Responses.html(ctx, templates.render("media/admin.jte", view));
    }

    private static String done(Context ctx) {
        String done = ctx.queryParam("done");
        if ("uploaded".equals(done)) return "Uploaded. Copy its Markdown into a story, or choose it as a lead picture.";
        if ("described".equals(done)) return "Saved. Stories that lead with the picture show the new words.";
        if ("existed".equals(done)) return "That file was already here; it is listed below with its first description.";
        return "";
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Plain maps and strings always serialise", e);
        }
    }

    static String megabytes(long bytes) {
        return String.valueOf(Math.round(bytes / (1024.0 * 1024.0) * 10) / 10.0);
    }

    /** The model of the newsroom's picture list and its upload form. */
    public record MediaListView(StaffPage frame, List<MediaItem> items, int page, boolean more, MediaText form,
                                Map<String, String> errors, String notice, MediaLimits limits) {
        public MediaListView {
            items = List.copyOf(items);
            errors = Map.copyOf(errors);
        }

        public String error(String field) {
            return errors.getOrDefault(field, "");
        }

        public String describedBy(String field) {
            return errors.containsKey(field) ? field + "-error" : null;
        }

        public String maxMegabytes() {
            return megabytes(limits.maxBytes());
        }
    }

    /** The model of the page that changes what is said about one picture. */
    public record MediaWordsView(StaffPage frame, MediaItem item, MediaText form, Map<String, String> errors,
                                 String returnTo) {
        public MediaWordsView {
            errors = Map.copyOf(errors);
        }
    }
}
