/**
 * IPLD values and codecs: CIDs, multiformats, the data model, DAG-CBOR and the blockstore contract.
 */
package io.dt4j.ipld;
