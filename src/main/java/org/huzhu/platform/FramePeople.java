package org.huzhu.platform;

import java.io.Serializable;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;

/**
 * Who is signed in, as every page's frame shows them (error pages too). Security knows the
 * person; the frame only shows them.
 */
public interface FramePeople {

    /**
     * @param roles    what the person is, in words, e.g. 代办点审核员（示范代办点）
     * @param tasklist whether the engine lets them open Camunda Tasklist
     */
    record Person(String userId, String name, List<String> roles, boolean tasklist) implements Serializable {
    }

    Person describe(Authentication who, HttpServletRequest request);
}
