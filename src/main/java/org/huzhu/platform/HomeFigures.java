package org.huzhu.platform;

import java.util.List;

import org.springframework.security.core.Authentication;

/** A module's counts for the signed-in person's home page; empty when it has none for them. */
public interface HomeFigures {

    List<HomeFigure> figuresFor(Authentication who);
}
