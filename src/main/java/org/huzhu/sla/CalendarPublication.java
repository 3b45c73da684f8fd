package org.huzhu.sla;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.huzhu.audit.AuditTrail;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.Given;
import org.huzhu.platform.Problems;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a year's working-day calendar: checked day by day, stored as the year's next
 * version, and every claim deadline, process timer and task due date it moves follows at once.
 */
@Service
public class CalendarPublication {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    private final WorkingDayCalendars calendars;
    private final PaymentClock paymentClock;
    private final DeadlineTimers timers;
    private final Clock clock;
    private final AuditTrail audit;

    CalendarPublication(WorkingDayCalendars calendars, PaymentClock paymentClock, DeadlineTimers timers, Clock clock,
                        AuditTrail audit) {
        this.calendars = calendars;
        this.paymentClock = paymentClock;
        this.timers = timers;
        this.clock = clock;
        this.audit = audit;
    }

    /** The published version and how many running claims' deadlines were worked out again. */
    public record Published(PublishedCalendar calendar, int runningClaimsRescheduled) {
    }

    @Transactional
    public Published publish(int year, CalendarSubmission submission, Staff staff) {
        if (!staff.hasAny(Role.PROCESS_ADMIN, Role.ADMIN)) {
            throw DomainException.forbidden("NOT_PROCESS_ADMIN", "只有流程管理员可以发布工作日历");
        }
        List<CalendarDay> days = check(year, submission);
        PublishedCalendar published = calendars.publish(year, days, Given.text(submission.notice()), staff.userId(),
                clock.instant());
        List<ClaimClock> running = paymentClock.recalculate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        timers.reschedule(running);
        audit.record(staff.userId(), "CALENDAR_PUBLISHED", "CALENDAR", Integer.toString(year), null,
                year + "年工作日历第" + published.version() + "版（放假" + count(days, true) + "天，调休上班"
                        + count(days, false) + "天）；" + running.size() + "件在办申请的期限已重算");
        return new Published(published, running.size());
    }

    public static void checkYear(int year, String field, Problems problems) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            problems.add(field, "OUT_OF_RANGE", "年份应在" + FIRST_YEAR + "到" + LAST_YEAR + "之间");
        }
    }

    /**
     * The year's days as a publication would store them, checked day by day as {@link #publish}
     * checks them, storing nothing: a page's preview. Problems are named as the API names them
     * ({@code days[2].date}).
     */
    public static List<CalendarDay> check(int year, CalendarSubmission submission) {
        Problems problems = new Problems();
        checkYear(year, "year", problems);
        if (submission.notice() != null && submission.notice().length() > 500) {
            problems.add("notice", "TOO_LONG", "最多500个字");
        }
        List<CalendarSubmission.Day> days = submission.days() == null ? List.of() : submission.days();
        if (days.isEmpty()) {
            problems.add("days", "REQUIRED", "请填写当年的放假日和调休上班日");
        }
        List<CalendarDay> checked = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            String at = "days[" + i + "]";
            CalendarSubmission.Day day = days.get(i);
            if (day == null) {
                problems.add(at, "REQUIRED", "日期信息为空");
                continue;
            }
            if (day.date() == null) {
                problems.add(at + ".date", "REQUIRED", "请填写日期");
            } else if (day.date().getYear() != year) {
                problems.add(at + ".date", "NOT_IN_YEAR", "日期" + day.date() + "不在" + year + "年内");
            } else if (!seen.add(day.date())) {
                problems.add(at + ".date", "DUPLICATE_DATE", "日期" + day.date() + "重复");
            }
            if (day.name() == null || day.name().isBlank()) {
                problems.add(at + ".name", "REQUIRED", "请填写节日名称");
            } else if (day.name().length() > 50) {
                problems.add(at + ".name", "TOO_LONG", "最多50个字");
            }
            if (day.isOffDay() == null) {
                problems.add(at + ".isOffDay", "REQUIRED", "请说明当天放假（true）还是调休上班（false）");
            } else if (!day.isOffDay() && day.date() != null && !isWeekend(day.date())) {
                problems.add(at + ".isOffDay", "MAKE_UP_DAY_NOT_WEEKEND", "调休上班日应为周六或周日：" + day.date());
            }
            if (day.date() != null && day.name() != null && day.isOffDay() != null) {
                checked.add(new CalendarDay(day.date(), day.name().strip(), day.isOffDay()));
            }
        }
        problems.throwIfAny();
        return checked;
    }

    private static long count(List<CalendarDay> days, boolean offDays) {
        return days.stream().filter(day -> day.offDay() == offDays).count();
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
