package dev.gazette.app;

/** Entry point. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("gazette");
    }
}
