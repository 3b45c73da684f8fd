package org.huzhu.platform;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

/**
 * The forms a person's session has already sent, each by the id its page gave it, with the id
 * of what it made: a form sent twice (a double click, the back button) makes one thing. Callers
 * hold the session's mutex while they look and record.
 */
public final class SentForms {

    private SentForms() {
    }

    /** The forms of one page class sent in this session. */
    @SuppressWarnings("unchecked")
    public static Map<String, Long> of(HttpSession session, Class<?> page) {
        String name = page.getName() + ".sent";
        Object sent = session.getAttribute(name);
        if (sent == null) {
            sent = new HashMap<String, Long>();
            session.setAttribute(name, sent);
        }
        return (Map<String, Long>) sent;
    }
}
