package org.vae4j.runner.archfixture;

import java.net.URL;
import java.net.URLClassLoader;

/** Violates "a spec never names a class": turning a string into a class. */
public final class LoadsClassesByName {
    /**
     * @param name a class name, as a spec might give it
     * @return the class
     * @throws ClassNotFoundException if there is none
     */
    public Class<?> byForName(String name) throws ClassNotFoundException {
        return Class.forName(name);
    }

    /**
     * @param name a class name, as a spec might give it
     * @return the class
     * @throws Exception if there is none
     */
    public Class<?> byLoader(String name) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0])) {
            return loader.loadClass(name);
        }
    }
}
