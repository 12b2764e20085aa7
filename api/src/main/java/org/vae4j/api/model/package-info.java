/**
 * Models of any family: what the engine trains ({@link org.vae4j.api.model.Model}: parameter
 * groups, training phases, evaluation, named {@link org.vae4j.api.model.Metrics}) and the
 * capabilities that decide which pictures and commands a run gets
 * ({@link org.vae4j.api.model.Sampler}, {@link org.vae4j.api.model.LatentEncoder},
 * {@link org.vae4j.api.model.Reconstructor}, {@link org.vae4j.api.model.DensityModel},
 * {@link org.vae4j.api.model.HasNetworks}).
 */
package org.vae4j.api.model;
