/**
 * The only package that imports {@code org.bytedeco}: FFmpeg's libraries in-process. Small {@link
 * java.lang.AutoCloseable} wrappers own each native struct, every negative return code goes through
 * {@link dev.reel.media.ffmpeg.FfmpegErrors}, and only records and primitive arrays leave the
 * package. Native objects stay on the thread that opened them.
 */
package dev.reel.media.ffmpeg;
