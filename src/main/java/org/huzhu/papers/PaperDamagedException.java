package org.huzhu.papers;

import org.huzhu.platform.DomainException;
import org.springframework.http.HttpStatus;

/** A stored paper whose bytes are gone or no longer match their hash: reported, never served. */
public class PaperDamagedException extends DomainException {

    PaperDamagedException(String code, String message) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, code, message);
    }
}
