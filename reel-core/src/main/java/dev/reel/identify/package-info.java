/**
 * Identify: tell from a file name and its folders what a video file is (episode, movie, extra) and
 * what the name says about it (source, codecs, release group...), with guessit's property names and
 * value spellings. Pure Java; no media access.
 */
package dev.reel.identify;
