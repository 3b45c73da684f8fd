package org.huzhu.membership;

import java.util.Optional;

import org.huzhu.notification.MemberMobiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mobile number kept on the member (a clerk changes it), where the member's messages go. */
@Component
class MobilesOnFile implements MemberMobiles {

    private final JdbcClient jdbc;

    MobilesOnFile(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> mobileOf(long memberId) {
        return jdbc.sql("select mobile from member where id = :id and mobile is not null").param("id", memberId).query(String.class).optional()
                .filter(mobile -> !mobile.isBlank());
    }
}
