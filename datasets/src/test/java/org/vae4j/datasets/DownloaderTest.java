package org.vae4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a server on the loopback interface: no network is used. */
class DownloaderTest {
    @TempDir
    Path tmp;

    HttpServer server;
    final Map<String, byte[]> served = new HashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final List<String> progress = new ArrayList<>();
    Downloader downloader;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        downloader = new Downloader(java.net.http.HttpClient.newHttpClient(), progress::add);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI url(String path) {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path);
    }

    static String sha(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void triesUrlsUntilOneGivesTheRightBytes() throws IOException {
        byte[] good = {1, 2, 3, 4, 5};
        served.put("/bad/f.bin", new byte[] {1, 2, 3, 4, 6});
        served.put("/good/f.bin", good);
        RemoteFile file = new RemoteFile("f.bin", List.of(url("/missing/f.bin"), url("/bad/f.bin"),
                url("/good/f.bin")), sha(good), good.length);
        Path dir = tmp.resolve("new/dir");
        Path got = downloader.download(file, dir);
        assertEquals(dir.resolve("f.bin"), got);
        assertArrayEquals(good, Files.readAllBytes(got));
        assertEquals(List.of("f.bin"), DataLocatorTest.list(dir), "no partial files are left");
        assertEquals(3, requests.get());
        assertTrue(progress.get(progress.size() - 1).startsWith("downloaded and verified"));
    }

    @Test
    void failedDownloadsLeaveNothingAndSayWhy() {
        served.put("/bad/f.bin", new byte[] {9, 9, 9, 9, 9});
        served.put("/short/f.bin", new byte[] {1, 2, 3});
        String expected = sha(new byte[] {1, 2, 3, 4, 5});
        RemoteFile file = new RemoteFile("f.bin", List.of(url("/missing/f.bin"), url("/bad/f.bin"),
                url("/short/f.bin")), expected, 5);
        Path dir = tmp.resolve("d");
        IOException e = assertThrows(IOException.class, () -> downloader.download(file, dir));
        assertEquals("could not download f.bin: " + url("/missing/f.bin") + ": HTTP 404; "
                + url("/bad/f.bin") + ": SHA-256 mismatch: got " + sha(new byte[] {9, 9, 9, 9, 9})
                + ", expected " + expected + "; " + url("/short/f.bin") + ": got 3 bytes, expected 5",
                e.getMessage());
        assertEquals(List.of(), DataLocatorTest.list(dir));
    }

    @Test
    void refusesFilesWithoutAPublishedChecksum() {
        served.put("/f.bin", new byte[] {1});
        RemoteFile file = new RemoteFile("f.bin", List.of(url("/f.bin")), null, -1);
        IOException e = assertThrows(IOException.class, () -> downloader.download(file, tmp));
        assertTrue(e.getMessage().startsWith("no published SHA-256 is known for f.bin, so vae4j refuses"
                + " to trust a download of it; download " + url("/f.bin")), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void locatorDownloadsVerifiesAndReadsWhenAllowed() {
        Map<String, byte[]> files = new HashMap<>();
        files.put("train-images-idx3-ubyte.gz", TestData.gzip(TestData.idxImages(6, 2, 2)));
        files.put("train-labels-idx1-ubyte.gz", TestData.gzip(TestData.idxLabels(6)));
        files.put("t10k-images-idx3-ubyte.gz", TestData.gzip(TestData.idxImages(2, 2, 2)));
        files.put("t10k-labels-idx1-ubyte.gz", TestData.gzip(TestData.idxLabels(2)));
        List<RemoteFile> remote = new ArrayList<>();
        for (String name : DatasetCatalog.IDX_FILES) {
            served.put("/tiny/" + name, files.get(name));
            remote.add(new RemoteFile(name, List.of(url("/tiny/" + name)), sha(files.get(name)),
                    files.get(name).length));
        }
        DatasetCatalog catalog = new DatasetCatalog(List.of(new DatasetDescriptor("tiny", DataFormat.IDX,
                remote, "http://example.org", null, "test")));
        DataLocator locator = new DataLocator(catalog, List.of(tmp.resolve("system")), downloader);
        Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(),
                "VAE4J_DATA", tmp.resolve("data").toString());

        LocatedDataset d = locator.locate("tiny", null, env, true);
        assertEquals(tmp.resolve("data/tiny"), d.directory());
        assertEquals("download into " + tmp.resolve("data/tiny"), d.source());
        assertEquals(6, d.train().size());
        assertEquals(2, d.test().size());
        assertEquals(4, requests.get());
        // the next time, the files are found where the download put them
        assertEquals("$VAE4J_DATA/tiny = " + tmp.resolve("data/tiny"),
                locator.locate("tiny", null, env, true).source());
        assertEquals(4, requests.get());
    }

    @Test
    void locatorReportsAFailedDownload() {
        RemoteFile f = new RemoteFile("train-images-idx3-ubyte.gz", List.of(url("/gone")), sha(new byte[0]), 0);
        DatasetCatalog catalog = new DatasetCatalog(List.of(new DatasetDescriptor("tiny", DataFormat.IDX,
                List.of(f), "http://example.org", null, "test")));
        DataLocator locator = new DataLocator(catalog, List.of(), downloader);
        Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString());
        DataNotFoundException e = assertThrows(DataNotFoundException.class,
                () -> locator.locate("tiny", null, env, true));
        Path target = tmp.resolve("home/.cache/vae4j/tiny");
        assertEquals("download into " + target + ": could not download train-images-idx3-ubyte.gz: "
                + url("/gone") + ": HTTP 404", e.attempts().get(e.attempts().size() - 1));
        assertTrue(e.fix().startsWith("download " + url("/gone") + " into " + target), e.fix());
        assertEquals(List.of(), DataLocatorTest.list(target));
    }
}
