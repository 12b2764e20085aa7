/** How every random stream of a run follows from its seed. */
package org.vae4j.api.random;
