/**
 * Online identification on top of the offline parser: TMDB lookups (and, later, batched AI
 * identification), each remote question asked once and its answer kept in the store's lookup cache.
 */
package dev.reel.lookup;
