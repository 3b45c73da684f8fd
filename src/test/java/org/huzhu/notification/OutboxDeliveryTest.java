package org.huzhu.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.MobileNumber;
import org.huzhu.security.StaffMobiles;
import org.huzhu.support.Api;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox delivered by the SMS adapter, as configured in production, to a provider on this
 * machine that checks the signature itself. Its own application (the sender is configuration),
 * with no poll and no run after commit: each test dispatches and moves the clock itself.
 */
@HuzhuIntegrationTest
@TestPropertySource(properties = {"huzhu.notification.sender=sms", "huzhu.notification.dispatch-after-commit=false",
        "huzhu.notification.sms.provider=测试短信", "huzhu.notification.sms.access-key-id=huzhu-test",
        "huzhu.notification.sms.access-key-secret=secret-of-the-test", "huzhu.notification.sms.sign-name=互助保障",
        "huzhu.notification.sms.templates.TEST_NOTICE=SMS_900001", "huzhu.notification.retry.first-delay=PT1M",
        "huzhu.notification.retry.max-delay=PT4M", "camunda.bpm.process-engine-name=outbox"})
class OutboxDeliveryTest {

    static final FakeSmsProvider provider = FakeSmsProvider.start("huzhu-test", "secret-of-the-test");

    @DynamicPropertySource
    static void providerEndpoint(DynamicPropertyRegistry properties) {
        properties.add("huzhu.notification.sms.endpoint", provider::endpoint);
    }

    @AfterAll
    static void stopProviderAndUnregisterEngine() {
        provider.stop();
        ProcessEngine engine = ProcessEngines.getProcessEngine("outbox");
        if (engine != null) {
            ProcessEngines.unregister(engine);
        }
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    MessageSenders senders;
    @Autowired
    MemberMobiles mobiles;
    @Autowired
    StaffMobiles staffMobiles;
    @Autowired
    IdentityService identityService;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    NotificationSettings settings;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        provider.reset();
        EngineTime.set("2026-12-01T10:00:00+08:00");
        // whatever the demo or an earlier test left is delivered (or failed) first
        dispatcher.dispatch();
        provider.reset();
    }

    @AfterEach
    void realTime() {
        EngineTime.reset();
    }

    @Test
    void whileTheProviderIsDownMessagesWaitWithGrowingPausesThenGoOnceEachInOrderPerMember() {
        long first = member(mobile());
        long second = member(mobile());
        long a1 = write(first, "一");
        long b1 = write(second, "一");
        long a2 = write(first, "二");
        provider.down(true);

        dispatcher.dispatch();
        // the member's later message waits behind the earlier one, untried
        assertThat(state(a1)).isEqualTo("PENDING 1 2026-12-01T02:01:00Z");
        assertThat(state(b1)).isEqualTo("PENDING 1 2026-12-01T02:01:00Z");
        assertThat(state(a2)).isEqualTo("PENDING 0 null");
        assertThat(error(a1)).contains("测试短信").contains("HTTP 503").contains("服务维护中");

        EngineTime.set("2026-12-01T10:00:59+08:00");
        assertThat(dispatcher.dispatch()).isZero();
        assertThat(state(a1)).startsWith("PENDING 1 ");

        EngineTime.set("2026-12-01T10:01:00+08:00");
        dispatcher.dispatch();
        assertThat(state(a1)).isEqualTo("PENDING 2 2026-12-01T02:03:00Z");
        EngineTime.set("2026-12-01T10:03:00+08:00");
        dispatcher.dispatch();
        assertThat(state(a1)).isEqualTo("PENDING 3 2026-12-01T02:07:00Z");
        EngineTime.set("2026-12-01T10:07:00+08:00");
        dispatcher.dispatch();
        // doubled up to the cap of four minutes, and kept there
        assertThat(state(a1)).isEqualTo("PENDING 4 2026-12-01T02:11:00Z");
        assertThat(provider.received()).isEmpty();

        provider.down(false);
        EngineTime.set("2026-12-01T10:11:00+08:00");
        assertThat(dispatcher.dispatch()).isEqualTo(3);
        assertThat(state(a1)).isEqualTo("SENT 5 null");
        assertThat(state(b1)).isEqualTo("SENT 5 null");
        assertThat(state(a2)).isEqualTo("SENT 1 null");
        assertThat(error(a1)).isEqualTo("none");
        assertThat(keysReceived()).containsExactly(key(a1), key(b1), key(a2));
        assertThat(provider.received()).allSatisfy(r -> {
            assertThat(r.templateId()).isEqualTo("SMS_900001");
            assertThat(r.signName()).isEqualTo("互助保障");
        });
        assertThat(provider.received().get(2).params()).containsEntry("n", "二");
        assertThat(jdbc.sql("select sender || ' ' || provider_message_id || ' ' || sent_to from notification where id = :id")
                .param("id", a1).query(String.class).single())
                .isEqualTo("sms fake-" + key(a1) + " " + MobileNumber.mask(mobiles.mobileOf(first).orElseThrow()));
        assertThat(provider.refusedSignatures()).isZero();

        assertThat(dispatcher.dispatch()).isZero();
        assertThat(provider.received()).hasSize(3);
    }

    @Test
    void aRunStopsAfterThreeFailuresInARowAndLeavesTheRestDueForTheNext() {
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(write(member(mobile()), "一"));
        }
        provider.down(true);
        dispatcher.dispatch();
        assertThat(written.stream().map(this::state).toList()).containsExactly("PENDING 1 2026-12-01T02:01:00Z",
                "PENDING 1 2026-12-01T02:01:00Z", "PENDING 1 2026-12-01T02:01:00Z", "PENDING 0 null", "PENDING 0 null");
        provider.down(false);
        assertThat(dispatcher.dispatch()).isEqualTo(2);
        assertThat(keysReceived()).containsExactly(key(written.get(3)), key(written.get(4)));
        EngineTime.set("2026-12-01T10:01:00+08:00");
        assertThat(dispatcher.dispatch()).isEqualTo(3);
        assertThat(written.stream().map(this::state).toList()).containsExactly("SENT 2 null", "SENT 2 null",
                "SENT 2 null", "SENT 1 null", "SENT 1 null");
    }

    @Test
    void theWaitAfterAFailedAttemptDoublesUpToItsCap() {
        NotificationSettings.Retry retry = new NotificationSettings.Retry(Duration.ofSeconds(30), Duration.ofMinutes(30));
        assertThat(List.of(1, 2, 3, 6, 7, 8, 100, Integer.MAX_VALUE).stream().map(retry::after).toList())
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                        Duration.ofMinutes(16), Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofMinutes(30),
                        Duration.ofMinutes(30));
    }

    @Test
    void twoNodesDeliveringAtOnceSendEachMessageOnceAndInOrderPerMember() throws Exception {
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(member(mobile()));
        }
        List<Long> written = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (long member : members) {
                written.add(write(member, String.valueOf(round)));
            }
        }
        // a second node: its own dispatcher on the same database
        OutboxDispatcher otherNode = new OutboxDispatcher(jdbc, senders, mobiles, staffMobiles, transaction, settings,
                json, clock);
        provider.slow(15);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (OutboxDispatcher node : List.of(dispatcher, otherNode)) {
                Callable<Integer> run = () -> {
                    go.await();
                    return node.dispatch();
                };
                runs.add(nodes.submit(run));
            }
            go.countDown();
            int sent = 0;
            List<Integer> each = new ArrayList<>();
            for (Future<Integer> run : runs) {
                each.add(run.get(60, TimeUnit.SECONDS));
                sent += each.get(each.size() - 1);
            }
            assertThat(sent).isEqualTo(written.size());
            assertThat(each).as("both nodes delivered a share").allSatisfy(n -> assertThat(n).isPositive());
        } finally {
            nodes.shutdownNow();
        }
        Map<String, Long> byKey = provider.received().stream()
                .collect(Collectors.groupingBy(FakeSmsProvider.Received::idempotencyKey, Collectors.counting()));
        assertThat(byKey).hasSize(written.size()).allSatisfy((k, count) -> assertThat(count).isEqualTo(1));
        assertThat(written).allSatisfy(id -> assertThat(state(id)).isEqualTo("SENT 1 null"));
        for (long member : members) {
            String mobile = mobiles.mobileOf(member).orElseThrow();
            List<String> arrived = provider.received().stream().filter(r -> r.phoneNumber().equals(mobile))
                    .map(r -> r.params().get("n")).toList();
            assertThat(arrived).as("member %d's messages in the order written", member).containsExactly("0", "1", "2", "3", "4");
        }
    }

    @Test
    void aNumberTheProviderRefusesFailsAtOnceWithTheReasonAndTheMembersNextMessageStillGoes() {
        String invalid = mobile();
        long member = member(invalid);
        provider.callsInvalid(invalid);
        long refused = write(member, "一");
        dispatcher.dispatch();
        assertThat(state(refused)).isEqualTo("FAILED 1 null");
        assertThat(error(refused)).isEqualTo("测试短信 拒绝发送（HTTP 400）：号码无效");

        provider.reset();
        long next = write(member, "二");
        EngineTime.set("2026-12-01T11:00:00+08:00");
        dispatcher.dispatch();
        assertThat(state(refused)).isEqualTo("FAILED 1 null");
        assertThat(state(next)).isEqualTo("SENT 1 null");
        assertThat(keysReceived()).containsExactly(key(next));
    }

    @Test
    void aMemberWithoutAMobileNumberOnFileGetsAFailedMessageWithTheReasonAndNoRetry() {
        long member = member(null);
        long message = write(member, "一");
        dispatcher.dispatch();
        assertThat(state(message)).isEqualTo("FAILED 1 null");
        assertThat(error(message)).isEqualTo("会员未登记手机号码，消息未发送（请代办点登记手机号码）");
        EngineTime.set("2026-12-02T10:00:00+08:00");
        dispatcher.dispatch();
        assertThat(state(message)).isEqualTo("FAILED 1 null");
        assertThat(provider.requests()).isZero();
    }

    @Test
    void aKindWithoutATemplateIsNotSentAndSaysWhichSettingIsMissing() {
        long member = member(mobile());
        outbox.toMember(member, null, "SIGN_IN_CODE", "TEST:" + UUID.randomUUID(), Map.of("code", "123456"), "验证码123456");
        long message = jdbc.sql("select max(id) from notification").query(Long.class).single();
        dispatcher.dispatch();
        assertThat(state(message)).isEqualTo("FAILED 1 null");
        assertThat(error(message)).isEqualTo(
                "未配置消息类型 SIGN_IN_CODE 的短信模板（huzhu.notification.sms.templates.SIGN_IN_CODE）");
        assertThat(provider.requests()).isZero();
    }

    @Test
    void aStaffGroupsMessageIsTextedToEachOfItsMembersWithANumberOrKeptInTheMailboxWhenNoneHasOne() {
        String group = "test-group-" + UUID.randomUUID().toString().substring(0, 8);
        identityService.saveGroup(identityService.newGroup(group));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = group + "-" + i;
            identityService.saveUser(identityService.newUser(id));
            identityService.createMembership(id, group);
            people.add(id);
        }
        transaction.executeWithoutResult(status -> outbox.toStaff(group, null, "TEST_NOTICE", "TEST:" + group + ":1",
                Map.of("n", "一"), "督办", "无人登记手机号"));
        dispatcher.dispatch();
        assertThat(staffRows(group)).containsExactly("null SENT mailbox " + group);
        assertThat(provider.received()).isEmpty();

        String first = mobile();
        String third = mobile();
        staffMobiles.set(people.get(0), first, "admin");
        staffMobiles.set(people.get(2), third.substring(0, 3) + " " + third.substring(3, 7) + "-" + third.substring(7), "admin");
        assertThatThrownBy(() -> staffMobiles.set(people.get(1), "1234", "admin")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("11位手机号码");
        transaction.executeWithoutResult(status -> outbox.toStaff(group, null, "TEST_NOTICE", "TEST:" + group + ":2",
                Map.of("n", "二"), "督办", "两人登记了手机号"));
        dispatcher.dispatch();
        assertThat(staffRows(group)).containsExactly("null SENT mailbox " + group,
                people.get(0) + " SENT sms " + MobileNumber.mask(first), people.get(2) + " SENT sms " + MobileNumber.mask(third));
        assertThat(provider.received()).hasSize(2).allSatisfy(r -> assertThat(r.params()).containsEntry("n", "二"));
        // the same message again changes nothing
        transaction.executeWithoutResult(status -> outbox.toStaff(group, null, "TEST_NOTICE", "TEST:" + group + ":2",
                Map.of("n", "二"), "督办", "两人登记了手机号"));
        assertThat(staffRows(group)).hasSize(3);
        staffMobiles.set(people.get(0), "", "admin");
        assertThat(staffMobiles.reachableIn(group)).containsExactly(people.get(2));
    }

    private List<String> staffRows(String group) {
        return jdbc.sql("""
                        select coalesce(staff_user, 'null') || ' ' || state || ' ' || sender || ' ' || sent_to
                        from notification where staff_recipients = :g order by id
                        """).param("g", group).query(String.class).list();
    }

    @Test
    void theProviderRefusesASignatureMadeWithAnotherSecretAndTheMessageIsNotTriedAgain() {
        NotificationSettings.Sms wrongKey = new NotificationSettings.Sms("测试短信", settings.sms().endpoint(), "huzhu-test",
                "not-the-secret", "互助保障", Map.of("TEST_NOTICE", "SMS_900001"), Duration.ofSeconds(5));
        SmsSender sender = new SmsSender(wrongKey, json, clock);
        OutgoingMessage message = new OutgoingMessage(1, "TEST_NOTICE", "huzhu-notification-test-" + UUID.randomUUID(),
                mobile(), null, Map.of("n", "一"), null, "测试");
        assertThatThrownBy(() -> sender.send(message)).isInstanceOf(DeliveryRefused.class)
                .hasMessage("测试短信 拒绝发送（HTTP 401）：签名不符");
        assertThat(provider.refusedSignatures()).isEqualTo(1);
        assertThat(provider.received()).isEmpty();
    }

    /** A new member of the demo agency with this mobile number on file (null: none). */
    private long member(String mobile) {
        String idNumber = api.registeredMember("DEMO-A", "EMPLOYEE", TestIds.idNumber());
        long id = jdbc.sql("select id from member where id_number = :n").param("n", idNumber).query(Long.class).single();
        jdbc.sql("update member set mobile = :m where id = :id").param("m", mobile).param("id", id).update();
        return id;
    }

    private static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private long write(long member, String n) {
        String key = "TEST:" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> outbox.toMember(member, null, "TEST_NOTICE", key, Map.of("n", n),
                "测试消息" + n));
        return jdbc.sql("select id from notification where dedup_key = :k").param("k", key).query(Long.class).single();
    }

    private String state(long id) {
        return jdbc.sql("""
                        select state || ' ' || attempts || ' '
                               || coalesce(to_char(next_attempt_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null')
                        from notification where id = :id""")
                .param("id", id).query(String.class).single();
    }

    private String error(long id) {
        return jdbc.sql("select coalesce(last_error, 'none') from notification where id = :id").param("id", id).query(String.class).single();
    }

    private static String key(long id) {
        return "huzhu-notification-" + id;
    }

    private List<String> keysReceived() {
        return provider.received().stream().map(FakeSmsProvider.Received::idempotencyKey).toList();
    }

}
