/**
 * The data-transfer manager: the {@link io.dt4j.api.Manager} implementation and its parts — opening
 * and controlling channels, the responder's validation and revalidation, the initiator's handling
 * of responses, completion, restarts — reached from the API, from dt-net and from the transport.
 */
package io.dt4j.core.manager;
