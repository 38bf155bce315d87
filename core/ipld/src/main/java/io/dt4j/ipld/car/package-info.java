/**
 * Content-addressable archives (graphsync spec §8.5 CARv1, §8.6 CARv2): {@link
 * io.dt4j.ipld.car.CarWriter} streams a CARv1, {@link io.dt4j.ipld.car.CarReader} streams blocks
 * out of a CARv1 or CARv2 with bounded memory, and {@link io.dt4j.ipld.car.VerifiedCarImport} moves
 * a CAR into a {@link io.dt4j.ipld.Blockstore} only after every block has been verified.
 */
package io.dt4j.ipld.car;
