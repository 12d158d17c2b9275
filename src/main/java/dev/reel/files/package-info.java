/** Writing output files safely: whole or not at all, never half a file for a reader to find. */
package dev.reel.files;
