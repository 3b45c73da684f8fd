package org.huzhu.security.web;

import org.huzhu.platform.WorkbenchController;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workbench's sign-in page; Spring Security's form login takes the POST. A wrong password
 * and a locked account read alike, so the page tells nobody which accounts exist.
 */
@WorkbenchController
class SignInPage {

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                  Authentication who, Model model) {
        if (who != null && !(who instanceof AnonymousAuthenticationToken) && error == null) {
            return "redirect:/";
        }
        if (error != null) {
            model.addAttribute("problem", "用户名或密码不正确；连续输错多次后账号将暂时锁定，请稍后再试或联系系统管理员。");
        } else if (logout != null) {
            model.addAttribute("notice", "您已安全退出。");
        }
        return "security/login";
    }
}
