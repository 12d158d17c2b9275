/** The files reel exchanges with users: outputs written whole or not at all, and CSV lines read. */
package dev.reel.files;
