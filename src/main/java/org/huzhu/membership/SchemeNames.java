package org.huzhu.membership;

import java.util.Map;

/**
 * The schemes a member may be enrolled in, with the names people know them by. Kept by the
 * scheme module, which owns them and depends on this one.
 */
public interface SchemeNames {

    /** Every scheme's name by its code, in code order. */
    Map<String, String> schemeNames();
}
