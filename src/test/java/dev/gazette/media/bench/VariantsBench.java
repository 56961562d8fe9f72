package dev.gazette.media.bench;

import dev.gazette.media.ImageProcessor;
import dev.gazette.media.MediaLimits;
import dev.gazette.media.Processed;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * How long a 24-megapixel camera JPEG (6000 × 4000, quality 90, with grain so it decodes like a photograph) takes to
 * become its variants, on the thread that runs it; bench/media runs it pinned to one core. Writes the photograph to
 * the path given, for the serving half of the bench.
 */
public final class VariantsBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        byte[] photo = photograph(6000, 4000);
        if (args.length > 0) Files.write(Path.of(args[0]), photo);
        if (rounds == 0) return; // only the photograph, for the serving half of bench/media
        ImageProcessor processor = new ImageProcessor(MediaLimits.defaults(), 1);
        for (int i = 0; i < 3; i++) processor.process(photo); // warm-up: the JIT, ImageIO's plugin registry
        long[] wall = new long[rounds];
        long[] cpu = new long[rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Processed last = null;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            last = processor.process(photo);
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
            wall[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("24 MP JPEG (%d KB) to variants %s, %d rounds after 3 warm-up, %d core(s):%n",
                photo.length / 1024, last.variants().stream().map(v -> v.width() + "x" + v.height() + " " + v.extension()
                        + " " + v.bytes().length / 1024 + " KB").collect(Collectors.joining(", ", "[", "]")),
                rounds, Runtime.getRuntime().availableProcessors());
        // CPU time is the work one core does; wall time adds whatever else the machine runs meanwhile.
        System.out.printf("  CPU time  median %5d ms  best %5d ms  worst %5d ms   goal < 1000 ms   ratio to goal %.2f%n",
                cpu[rounds / 2], cpu[0], cpu[rounds - 1], cpu[rounds / 2] / 1000.0);
        System.out.printf("  wall time median %5d ms  best %5d ms  worst %5d ms   goal < 1000 ms   ratio to goal %.2f"
                        + "   (load average %s)%n", wall[rounds / 2], wall[0], wall[rounds - 1], wall[rounds / 2] / 1000.0,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    static byte[] photograph(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(250, 180, 100), 0, height * 0.6f, new Color(90, 150, 220)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
            g.fillOval(random.nextInt(width), random.nextInt(height), 50 + random.nextInt(900), 50 + random.nextInt(600));
        }
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) { // sensor grain: what makes a real photograph's JPEG large and slow to decode
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int n = random.nextInt(25) - 12;
                int r = clamp(((row[x] >> 16) & 0xFF) + n), gr = clamp(((row[x] >> 8) & 0xFF) + n), b = clamp((row[x] & 0xFF) + n);
                row[x] = (r << 16) | (gr << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private VariantsBench() {}

}
