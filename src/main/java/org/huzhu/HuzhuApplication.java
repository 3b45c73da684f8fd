package org.huzhu;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling serves every module: the outbox poll, the SLA checks, the papers' sweep. */
@SpringBootApplication
@EnableScheduling
public class HuzhuApplication {

    public static void main(String[] args) {
        // Claims, deadlines and working days are all counted in Beijing time.
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        SpringApplication.run(HuzhuApplication.class, args);
    }
}
