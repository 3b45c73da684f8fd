package org.huzhu.member.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.huzhu.member.MemberSessions;
import org.huzhu.member.SignInCodes;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.platform.FieldErrors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in at /m/login: the ID number, 获取验证码 sends a code to the mobile number on file, the
 * code signs in. The answers never tell whether an ID number is enrolled or has a number.
 */
@MemberController
class MemberSignInPage {

    static final String SENT = "如该身份证号已登记手机号，验证码已发送至预留手机号，5分钟内有效。未收到请联系代办点核对手机号。";
    static final String LIMITED = "获取验证码过于频繁，请1小时后再试。";
    static final String WRONG = "验证码错误或已过期，请重新获取验证码。";

    private final SignInCodes codes;
    private final MemberSessions sessions;

    MemberSignInPage(SignInCodes codes, MemberSessions sessions) {
        this.codes = codes;
        this.sessions = sessions;
    }

    @GetMapping("/m/login")
    String form(@RequestParam(required = false) String logout, Model model) {
        if (logout != null) {
            model.addAttribute("notice", "已退出登录。");
        }
        return page(null, FieldErrors.none(), model);
    }

    @PostMapping("/m/login/code")
    String sendCode(@RequestParam(required = false) String idNumber, HttpServletRequest request, Model model,
                    HttpServletResponse response) {
        FieldErrors errors = idNumberErrors(idNumber);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(idNumber, errors, model);
        }
        if (codes.request(idNumber.strip(), request.getRemoteAddr()) == SignInCodes.Requested.LIMITED) {
            response.setStatus(429);
            return page(idNumber, FieldErrors.none().add("idNumber", LIMITED), model);
        }
        model.addAttribute("notice", SENT);
        model.addAttribute("codeSent", true);
        return page(idNumber, FieldErrors.none(), model);
    }

    @PostMapping("/m/login")
    String signIn(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String code,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        FieldErrors errors = idNumberErrors(idNumber);
        if (code == null || code.isBlank()) {
            errors.add("code", "请填写短信验证码");
        } else if (!code.strip().matches("[0-9]{6}")) {
            errors.add("code", "验证码为6位数字");
        }
        if (errors.isEmpty()) {
            var member = codes.signIn(idNumber.strip(), code.strip());
            if (member.isPresent()) {
                sessions.signIn(member.get(), request, response);
                return "redirect:/m/";
            }
            errors.add("code", WRONG);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("codeSent", true);
        return page(idNumber, errors, model);
    }

    private static FieldErrors idNumberErrors(String idNumber) {
        FieldErrors errors = FieldErrors.none();
        if (idNumber == null || idNumber.isBlank()) {
            errors.add("idNumber", "请填写身份证号");
        } else if (ResidentIdNumber.parse(idNumber.strip()).isEmpty()) {
            errors.add("idNumber", "身份证号不正确（应为18位，末位可为X），请核对");
        }
        return errors;
    }

    private static String page(String idNumber, FieldErrors errors, Model model) {
        model.addAttribute("idNumber", idNumber);
        model.addAttribute("errors", errors);
        return "member/login";
    }
}
