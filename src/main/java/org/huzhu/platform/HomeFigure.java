package org.huzhu.platform;

/**
 * A count on a person's home page (my open work, claims at risk or breached) with the page that
 * lists what it counts. A warning or alarm is coloured when the count is above zero.
 */
public record HomeFigure(String label, long count, String href, Tone tone) {

    public enum Tone {
        PLAIN, WARNING, ALARM
    }

    public boolean raised() {
        return tone != Tone.PLAIN && count > 0;
    }
}
