package org.vae4j.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.vae4j.runner.testing.CliResult;
import org.vae4j.runner.testing.Specs;
import org.vae4j.runner.testing.TinyFashionMnist;
import org.vae4j.runner.testing.Vae4j;

/**
 * Opens a run's report.html in Debian's headless Chromium (packages chromium and chromium-driver,
 * which .ci/run installs) as a person would, and checks that every picture loads and the page
 * renders. Selenium is pointed at /usr/bin/chromedriver and /usr/bin/chromium, so it never looks
 * for or downloads a browser.
 */
class ReportInChromiumTest {
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    /** Selenium warns that it has no CDP bindings for this Chromium; WebDriver itself does not need them. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    @TempDir
    Path root;

    @Test
    void everyPictureOfTheReportLoadsInChromium() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromedriver, /usr/bin/chromium): "
                        + "apt-get install chromium chromium-driver");
        TinyFashionMnist.write(root.resolve("data"));
        ObjectNode spec = Specs.tiny("data");
        ((ObjectNode) spec.get("model")).put("latentDim", 2);
        Path run = root.resolve("run");
        CliResult r = Vae4j.run("train", Specs.write(root.resolve("spec.json"), spec), "--out", run, "--epochs", 2,
                "--no-progress");
        assertEquals(0, r.code(), r::toString);

        SELENIUM_LOG.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectories(root.resolve("profile")),
                "--window-size=1300,1600");
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.get(run.resolve(RunReport.FILE).toUri().toString());
            assertEquals("tiny - vae4j run", driver.getTitle());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> images = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.images).map(i => ({src: i.getAttribute('src'), complete: i.complete,"
                            + " width: i.naturalWidth}));");
            assertTrue(images.size() >= 9, "learning curves, samples, reconstructions, interpolation, two manifolds, "
                    + "scatter, samples per epoch: " + images);
            for (Map<String, Object> img : images) {
                assertEquals(Boolean.TRUE, img.get("complete"), img.toString());
                assertTrue(((Number) img.get("width")).longValue() > 0, "loaded: " + img);
            }
            driver.manage().window().setSize(new Dimension(1300, 1600));
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(shot, "a PNG screenshot");
            assertTrue(shot.getWidth() >= 800 && shot.getHeight() >= 600, shot.getWidth() + "x" + shot.getHeight());
            Set<Integer> colors = new HashSet<>();
            for (int y = 0; y < shot.getHeight(); y += 7) {
                for (int x = 0; x < shot.getWidth(); x += 7) {
                    colors.add(shot.getRGB(x, y));
                }
            }
            assertTrue(colors.size() > 50, "the page renders text and pictures, not a blank: " + colors.size() + " colors");
            Path keep = Path.of("target", "report-screenshot.png");
            Files.createDirectories(keep.toAbsolutePath().getParent());
            Files.write(keep, png);
        } finally {
            driver.quit();
            service.stop();
        }
        assertTrue(new File(run.resolve(RunReport.FILE).toString()).length() > 1000);
    }
}
