/** Writing HTML reports: the one place that turns text into markup-safe HTML. */
package dev.reel.html;
