/** Batches of data and what a component may know of the data it is built for. */
package org.vae4j.api.data;
