package org.huzhu.support;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's phone at /m/: the sign-in page opened, a code asked for and typed as it arrived in the outbox. */
public final class MemberSignIn {

    private MemberSignIn() {
    }

    /** A browser on the members' sign-in page, nobody signed in. */
    public static WorkbenchSession anonymous(int port) {
        return WorkbenchSession.opening(port, "/m/login");
    }

    /** The code of the member's newest sign-in message, as their phone shows it. */
    public static String lastCode(JdbcClient jdbc, String idNumber) {
        return jdbc.sql("""
                        select n.params ->> 'code' from notification n join member m on m.id = n.member_id
                        where m.id_number = :id and n.kind = 'SIGN_IN_CODE' order by n.id desc limit 1
                        """)
                .param("id", idNumber).query(String.class).single();
    }

    /** Signs the member in with a fresh code; fails unless they get in. */
    public static WorkbenchSession signIn(int port, JdbcClient jdbc, String idNumber) {
        WorkbenchSession phone = anonymous(port);
        assertThat(phone.post("/m/login/code", Map.of("idNumber", idNumber)).status()).as("code sent").isEqualTo(200);
        WorkbenchSession.Page in = phone.post("/m/login", Map.of("idNumber", idNumber, "code", lastCode(jdbc, idNumber)));
        assertThat(in.status()).as(idNumber + " signs in").isEqualTo(302);
        phone.get("/m/");
        return phone;
    }
}
