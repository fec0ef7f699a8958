using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Sla;
using Complaints.Core.Tests.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Sla;

/// <summary>What the reference says about one target at an instant.</summary>
internal sealed record ReferenceSlaStatus(
    int Cycle,
    SlaClockState State,
    Instant? StartedAt = null,
    Instant? Deadline = null,
    Instant? DeadlineBeforePauses = null,
    Instant? MetAt = null,
    Instant? StoppedAt = null,
    Duration Elapsed = default,
    Duration Remaining = default,
    Duration Paused = default,
    double? ShareUsed = null,
    bool BreachedEarlier = false);

/// <summary>
/// A plain minute-by-minute reference for one SLA target. It reads the history entry by entry, computes the deadline
/// the rule gives from the calendar's working intervals (<see cref="ReferenceCalendar"/>, no tables), then walks the
/// clock one minute at a time from the start to the meeting, the stop or the instant asked: a working minute counts as
/// elapsed while the complaint is in a state that does not pause the target, as paused otherwise; a pause that begins
/// before the deadline moves the deadline later by its paused working minutes, and while it lasts the clock cannot run
/// out (the deadline is no earlier than the end). Met, breached and stopped follow the
/// plain definitions. Every instant in the tests is a whole minute, so the minute steps are exact.
/// </summary>
internal static class ReferenceSlaClock
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private static readonly Dictionary<ReferenceCalendar, List<(Instant Start, Instant End)>> Intervals = [];
    private static readonly Lock Gate = new();

    public static ReferenceSlaStatus Evaluate(TargetSpec spec, ComplaintSnapshot complaint, Instant asOf)
    {
        var history = complaint.History.Where(e => e.At <= asOf).ToList();

        // A breach in a cycle a reopening ends is kept under the new-cycle rule and set aside under reset: judge each
        // ended cycle on the entries before its reopening, at the reopening's instant.
        var breachedEarlier = false;
        for (var r = 0; r < history.Count; r++)
        {
            if (history[r].Data is Reopening)
            {
                breachedEarlier = spec.Reopen switch
                {
                    ReopenRule.NewCycle => breachedEarlier || Clock(spec, complaint, history[..r], history[r].At).State == SlaClockState.Breached,
                    ReopenRule.Reset => false,
                    _ => breachedEarlier,
                };
            }
        }

        return Clock(spec, complaint, history, asOf) with { BreachedEarlier = breachedEarlier };
    }

    private static ReferenceSlaStatus Clock(TargetSpec spec, ComplaintSnapshot complaint, List<HistoryEntry> history, Instant asOf)
    {
        var calendar = SlaArbitraries.ReferenceFor(spec.Calendar);

        // The cycle: receipt, or the latest reopening when reopenings start new cycles.
        var cycle = 0;
        var startIndex = -1;
        var start = complaint.Intake.ReceivedAt;
        for (var i = 0; i < history.Count; i++)
        {
            if (spec.Reopen != ReopenRule.ResumeCycle && history[i].Data is Reopening)
            {
                cycle++;
                startIndex = i;
                start = history[i].At;
            }
        }

        var later = history.Skip(startIndex + 1).ToList();
        var anchor = start;
        if (spec.Rule.AnchorOnAcknowledgement)
        {
            if (later.FirstOrDefault(IsAcknowledgement) is not { } acknowledgement)
            {
                return new ReferenceSlaStatus(cycle, SlaClockState.NotStarted, StartedAt: start);
            }

            anchor = acknowledgement.At;
        }

        var due = Due(spec.Rule, anchor, calendar, spec.Calendar.Zone);
        var met = later.FirstOrDefault(e => Meets(spec.Kind, e));
        var stop = later.FirstOrDefault(e => e.From != e.To && e.To is ComplaintState.Withdrawn or ComplaintState.Rejected or ComplaintState.Referred);
        Instant? metAt = met?.At;
        Instant? stoppedAt = stop is not null && (met is null || stop.Sequence < met.Sequence) ? stop.At : null;
        var end = metAt ?? stoppedAt ?? asOf;

        // Minute by minute from the start to the end.
        var deadline = due;
        long elapsed = 0, paused = 0, pending = 0;
        var counted = false;
        var wasPaused = false;
        var next = 0;
        var state = ComplaintState.Received;
        for (var m = start; m < end; m += Minute)
        {
            while (next < history.Count && history[next].At <= m)
            {
                state = history[next++].To;
            }

            var isPaused = spec.PauseOnCustomer && state == ComplaintState.AwaitingCustomer;
            if (wasPaused && !isPaused)
            {
                deadline = EndPause(deadline, ref pending, counted, calendar);
            }

            if (isPaused && !wasPaused)
            {
                counted = m < deadline;
            }

            var working = IsWorking(calendar, m);
            if (isPaused && working)
            {
                paused++;
                pending++;
            }
            else if (working)
            {
                elapsed++;
            }

            wasPaused = isPaused;
        }

        var stateAsOf = history.Count == 0 ? ComplaintState.Received : history[^1].To;
        var pausedAtEnd = wasPaused && counted && (metAt is not null || stoppedAt is not null || (spec.PauseOnCustomer && stateAsOf == ComplaintState.AwaitingCustomer));
        if (wasPaused)
        {
            deadline = EndPause(deadline, ref pending, counted, calendar);
        }

        if (pausedAtEnd && deadline < end)
        {
            // Paused since before the deadline: the clock has not run out, so the deadline is no earlier than the end.
            deadline = end;
        }

        var allowed = WorkingMinutes(calendar, start, due);
        var remaining = WorkingMinutes(calendar, end, deadline);
        double? share = allowed > 0 ? Duration.FromMinutes(elapsed).TotalNanoseconds / Duration.FromMinutes(allowed).TotalNanoseconds : null;
        SlaClockState status;
        if (metAt is { } metInstant)
        {
            status = metInstant <= deadline ? SlaClockState.Met : SlaClockState.Breached;
        }
        else if (stoppedAt is { } stoppedInstant)
        {
            status = stoppedInstant <= deadline ? SlaClockState.Stopped : SlaClockState.Breached;
        }
        else if (pausedAtEnd)
        {
            status = SlaClockState.Paused;
        }
        else if (asOf > deadline)
        {
            status = SlaClockState.Breached;
        }
        else if (spec.PauseOnCustomer && stateAsOf == ComplaintState.AwaitingCustomer)
        {
            status = SlaClockState.Paused;
        }
        else
        {
            status = spec.WarnAt is { } warn && share >= warn ? SlaClockState.AtRisk : SlaClockState.Running;
        }

        return new ReferenceSlaStatus(
            cycle,
            status,
            start,
            deadline,
            due,
            metAt,
            stoppedAt,
            Duration.FromMinutes(elapsed),
            Duration.FromMinutes(remaining),
            Duration.FromMinutes(paused),
            share);
    }

    /// <summary>The deadline the rule gives, from the calendar's working intervals.</summary>
    public static Instant Due(RuleSpec rule, Instant anchor, ReferenceCalendar calendar, DateTimeZone zone)
    {
        var day = anchor.InZone(zone).Date;
        return rule.Unit switch
        {
            DeadlineUnit.ElapsedTime => anchor + Duration.FromHours(rule.Amount),
            DeadlineUnit.WorkingTime => AddWorkingMinutes(calendar, anchor, rule.Amount * 60L),
            DeadlineUnit.BusinessDays => calendar.DayIntervals(calendar.AddBusinessDays(day, rule.Amount)!.Value).Max(i => i.End),
            DeadlineUnit.CalendarDays => zone.AtStartOfDay(day.PlusDays(rule.Amount + 1)).ToInstant(),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
    }

    /// <summary>The end of the <paramref name="minutes"/>-th working minute from <paramref name="from"/>: the earliest instant by which that much working time has passed.</summary>
    public static Instant AddWorkingMinutes(ReferenceCalendar calendar, Instant from, long minutes)
    {
        var m = from;
        while (minutes > 0)
        {
            if (IsWorking(calendar, m))
            {
                minutes--;
            }

            m += Minute;
        }

        return m;
    }

    /// <summary>The working minutes in [from, to), counted one by one.</summary>
    public static long WorkingMinutes(ReferenceCalendar calendar, Instant from, Instant to)
    {
        long count = 0;
        for (var m = from; m < to; m += Minute)
        {
            count += IsWorking(calendar, m) ? 1 : 0;
        }

        return count;
    }

    public static bool IsWorking(ReferenceCalendar calendar, Instant minute)
    {
        var intervals = IntervalsOf(calendar);
        int lo = 0, hi = intervals.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (intervals[mid].End <= minute)
            {
                lo = mid + 1;
            }
            else if (intervals[mid].Start > minute)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static Instant EndPause(Instant deadline, ref long pending, bool counted, ReferenceCalendar calendar)
    {
        var moved = counted ? AddWorkingMinutes(calendar, deadline, pending) : deadline;
        pending = 0;
        return moved;
    }

    private static bool IsAcknowledgement(HistoryEntry e) =>
        e.Data is Acknowledgement || e.Data is Communication { Kind: CommunicationKind.AutomatedAcknowledgement };

    private static bool Meets(SlaTargetKind kind, HistoryEntry e)
    {
        var into = e.From != e.To ? e.To : (ComplaintState?)null;
        return kind switch
        {
            SlaTargetKind.Acknowledge => e.Data is Acknowledgement,
            SlaTargetKind.FirstResponse => e.Data is Acknowledgement or InformationRequest or ResolutionProposal
                || e.Data is Communication { Kind: CommunicationKind.PublicReply or CommunicationKind.HoldingReply }
                || into is ComplaintState.Resolved or ComplaintState.Closed,
            SlaTargetKind.Resolution => into == ComplaintState.Resolved,
            SlaTargetKind.FinalResponse => into == ComplaintState.Closed,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    // The union of the calendar's working intervals over the days the tests use, built once per calendar.
    private static List<(Instant Start, Instant End)> IntervalsOf(ReferenceCalendar calendar)
    {
        lock (Gate)
        {
            if (!Intervals.TryGetValue(calendar, out var list))
            {
                list = calendar.Union(new LocalDate(2026, 1, 1), new LocalDate(2027, 6, 30));
                Intervals[calendar] = list;
            }

            return list;
        }
    }
}
