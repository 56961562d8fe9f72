package dev.gazette.web;

/** Told of every request the server answered, for metrics. */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = (method, route, status, nanos) -> { };

    /**
     * @param route  the matched route's template ({@code /articles/{slug}}), {@code /static/*}, or {@code unmatched}
     * @param nanos  how long the answer took
     */
    void answered(String method, String route, int status, long nanos);
}
