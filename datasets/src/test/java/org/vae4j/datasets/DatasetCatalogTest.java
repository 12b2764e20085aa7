package org.vae4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {
    @Test
    void knowsTheFourDataSetsWithVerifiableDownloadsAndTheUsersOwnFormats() {
        DatasetCatalog c = DatasetCatalog.standard();
        assertEquals(List.of("fashion-mnist", "mnist", "kmnist", "cifar-10", "image-folder", "npy", "npz"), c.names());
        for (String own : List.of("image-folder", "npy", "npz")) {
            assertTrue(c.get(own).downloads().isEmpty(), "the user's own data is never downloaded: " + own);
            assertNotNull(c.get(own).format().ownDataLayout(), own);
        }
        assertEquals(null, c.get("mnist").format().ownDataLayout());
        for (DatasetDescriptor d : c.all().subList(0, 4)) {
            assertTrue(d.downloads().size() >= 1);
            for (RemoteFile f : d.downloads()) {
                assertNotNull(f.sha256(), f.name());
                assertTrue(f.size() > 0, f.name());
                assertTrue(f.urls().get(0).getScheme().startsWith("http"));
                assertTrue(f.urls().get(0).toString().endsWith(f.name()), f.urls().get(0).toString());
            }
        }
        assertEquals(DataFormat.IDX, c.get("kmnist").format());
        assertEquals(DataFormat.CIFAR10_BINARY, c.get("cifar-10").format());
        assertEquals("dataset-fashion-mnist", c.get("fashion-mnist").systemPackage());
        assertEquals("c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
                c.get("cifar-10").downloads().get(0).sha256());
        assertTrue(c.find("svhn").isEmpty());
    }

    @Test
    void rejectsMalformedChecksumsAndDuplicates() {
        var url = List.of(java.net.URI.create("http://example.org/f"));
        assertThrows(IllegalArgumentException.class, () -> new RemoteFile("f", url, "ABC", 1));
        var d = new DatasetDescriptor("x", DataFormat.IDX, List.of(), "h", null, "s");
        assertThrows(IllegalArgumentException.class, () -> new DatasetCatalog(List.of(d, d)));
    }
}
