/**
 * The command line (picocli): each command validates its options, builds a request record, calls
 * its job and prints the result. No logic lives here.
 */
package dev.reel.cli;
