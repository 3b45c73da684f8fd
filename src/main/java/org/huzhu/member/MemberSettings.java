package org.huzhu.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The members' sign-in ({@code huzhu.member.*}, docs/members-online.md).
 *
 * @param codeValidity   how long a sign-in code is good for
 * @param wrongTries     wrong codes typed before the code is burnt
 * @param limitWindow    the window the request limits count over
 * @param perIdNumber    code requests per ID number in the window
 * @param perMobile      code requests per mobile number in the window
 * @param perAddress     code requests per IP address in the window
 * @param sessionTimeout a member's session ends after this long without a request
 */
@ConfigurationProperties("huzhu.member")
public record MemberSettings(@DefaultValue("5m") Duration codeValidity, @DefaultValue("5") int wrongTries,
                             @DefaultValue("1h") Duration limitWindow, @DefaultValue("5") int perIdNumber,
                             @DefaultValue("5") int perMobile, @DefaultValue("20") int perAddress,
                             @DefaultValue("15m") Duration sessionTimeout) {
}
