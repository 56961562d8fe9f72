package dev.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageProcessorTest {
    private final ImageProcessor processor = new ImageProcessor(MediaLimits.defaults(), 1);

    @Test
    void aJpegBecomesVariantsAtTheUsualWidthsNeverWiderThanItself() throws IOException {
        Processed p = processor.process(TestPictures.jpeg(2000, 1000));

        assertThat(p.kind()).isEqualTo(ImageKind.JPEG);
        assertThat(p.width()).isEqualTo(2000);
        assertThat(p.variants()).extracting(Variant::width).containsExactly(480, 960, 1600);
        assertThat(p.variants()).extracting(Variant::height).containsExactly(240, 480, 800);
        for (Variant v : p.variants()) {
            assertThat(v.extension()).isEqualTo("jpg");
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(v.bytes()));
            assertThat(read.getWidth()).isEqualTo(v.width());
            assertThat(read.getHeight()).isEqualTo(v.height());
        }
    }

    @Test
    void aSmallPictureIsNotEnlarged() {
        assertThat(processor.process(TestPictures.jpeg(700, 300)).variants()).extracting(Variant::width)
                .containsExactly(480, 700);
        assertThat(processor.process(TestPictures.jpeg(300, 200)).variants()).extracting(Variant::width)
                .containsExactly(300);
    }

    @Test
    void aPngWithTransparencyStaysPngAndKeepsIt() throws IOException {
        Processed p = processor.process(TestPictures.png(600, 400, true));

        assertThat(p.kind()).isEqualTo(ImageKind.PNG);
        assertThat(p.variants()).extracting(Variant::extension).containsOnly("png");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(p.variants().get(0).bytes()));
        assertThat(read.getColorModel().hasAlpha()).isTrue();
        assertThat((read.getRGB(10, 10) >>> 24)).isBetween(100, 160);
    }

    @Test
    void anOpaquePngBecomesJpegVariants() {
        Processed p = processor.process(TestPictures.png(600, 400, false));
        assertThat(p.kind()).isEqualTo(ImageKind.PNG);
        assertThat(p.variants()).extracting(Variant::extension).containsOnly("jpg");
    }

    @Test
    void aGifIsRead() {
        Processed p = processor.process(TestPictures.gif(500, 250));
        assertThat(p.kind()).isEqualTo(ImageKind.GIF);
        assertThat(p.variants()).extracting(Variant::width).containsExactly(480, 500);
    }

    @Test
    void webpIsReadLossyAndLosslessWithTransparency() throws IOException {
        Processed lossy = processor.process(TestPictures.webp());
        assertThat(lossy.kind()).isEqualTo(ImageKind.WEBP);
        assertThat(lossy.width()).isEqualTo(64);
        assertThat(lossy.height()).isEqualTo(40);
        assertThat(lossy.variants()).extracting(Variant::extension).containsExactly("jpg");

        Processed alpha = processor.process(TestPictures.webpWithAlpha());
        assertThat(alpha.variants()).extracting(Variant::extension).containsExactly("png");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(alpha.variants().get(0).bytes()));
        assertThat(read.getRGB(5, 5) >>> 24).isEqualTo(255);
        assertThat(read.getRGB(60, 5) >>> 24).isZero();
    }

    @Test
    void theOrientationIsAppliedAndEveryMetadataBlockIsGone() throws IOException {
        byte[] photo = TestPictures.photoWithLocation(300, 200, 6);
        assertThat(segments(photo)).extracting(JPEGSegment::marker).contains(0xFFE1, 0xFFFE);

        Processed p = processor.process(photo);

        // Orientation 6: turned a quarter clockwise, the left (red) half ends up on top.
        assertThat(p.width()).isEqualTo(200);
        assertThat(p.height()).isEqualTo(300);
        Variant v = p.variants().get(0);
        assertThat(v.width()).isEqualTo(200);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(v.bytes()));
        assertThat(read.getHeight()).isEqualTo(300);
        assertThat(red(read.getRGB(100, 40))).isGreaterThan(150);
        assertThat(red(read.getRGB(100, 260))).isLessThan(80);
        // Only the JFIF header is left; no EXIF, XMP or comment segment, and none of their text anywhere.
        assertThat(segments(v.bytes())).extracting(JPEGSegment::marker).doesNotContain(0xFFE1, 0xFFFE, 0xFFED, 0xFFE2);
        String text = new String(v.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif", "xap/1.0", TestPictures.XMP_MARK, "51.5074N");
    }

    @Test
    void bombsAreRefusedFromTheirHeaderWithAClearMessage() {
        byte[] png = TestPictures.pngBomb();
        assertThat(png.length).isLessThan(1000);
        assertThatThrownBy(() -> processor.process(png)).isInstanceOf(PictureRefused.class)
                .hasMessageContaining("100000 × 100000 pixels").hasMessageContaining("up to 50.0 megapixels");
        assertThatThrownBy(() -> processor.process(TestPictures.jpegBomb())).isInstanceOf(PictureRefused.class)
                .hasMessageContaining("65000 × 65000 pixels");
    }

    @Test
    void tooManyBytesAreRefusedBeforeReading() {
        ImageProcessor small = new ImageProcessor(new MediaLimits(1000, 50_000_000), 1);
        assertThatThrownBy(() -> small.process(TestPictures.jpeg(400, 400))).isInstanceOf(PictureRefused.class)
                .hasMessageContaining("this site takes pictures of up to");
    }

    @Test
    void theTypeComesFromTheContentNotTheName() {
        assertThatThrownBy(() -> processor.process(TestPictures.svg())).isInstanceOf(PictureRefused.class)
                .hasMessageContaining("SVG drawings are not accepted");
        assertThatThrownBy(() -> processor.process("<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PictureRefused.class).hasMessageContaining("not a JPEG, PNG, GIF or WebP");
        byte[] truncated = java.util.Arrays.copyOf(TestPictures.jpeg(400, 300), 200);
        assertThatThrownBy(() -> processor.process(truncated)).isInstanceOf(PictureRefused.class)
                .hasMessageContaining("could not be read");
    }

    @Test
    void aPolyglotLosesEverythingButThePicture() {
        for (byte[] polyglot : List.of(TestPictures.gifHtmlPolyglot(), TestPictures.jpegWithScript())) {
            Processed p = processor.process(polyglot);
            for (Variant v : p.variants()) {
                assertThat(new String(v.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("<script", "<html");
            }
        }
    }

    @Test
    void theSameBytesGetTheSameIdAndOtherBytesAnother() {
        byte[] a = TestPictures.jpeg(100, 80);
        assertThat(processor.process(a).id()).isEqualTo(processor.process(a.clone()).id()).matches("[0-9a-f]{32}");
        assertThat(processor.process(TestPictures.jpeg(100, 81)).id()).isNotEqualTo(processor.process(a).id());
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static List<JPEGSegment> segments(byte[] jpeg) throws IOException {
        return JPEGSegmentUtil.readSegments(new ByteArrayImageInputStream(jpeg), JPEGSegmentUtil.ALL_SEGMENTS);
    }
}
