using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests;

/// <summary>The README's Tehran and Riyadh calendars, compiled and run; <see cref="ReadmeTests"/> checks the code and what it prints.</summary>
internal static class RegionsCalendarExample
{
    public static void Run()
    {
        // regions-calendar-example:begin
        // Tehran: Saturday to Wednesday 08:00–16:00; Nowruz and Nature Day (13 Farvardin) in the Solar Hijri calendar.
        var tehran = BusinessCalendar.CreateBuilder("Asia/Tehran")
            .AddWorkingHours([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday],
                new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays(
            [
                new CalendarSystemHoliday("Nowruz", CalendarSystem.PersianAstronomical, month: 1, day: 1, days: 4),
                new CalendarSystemHoliday("Nature Day", CalendarSystem.PersianAstronomical, month: 1, day: 13),
            ])
            .Covering(2025, 2030)
            .Build();

        // Riyadh: Sunday to Thursday 08:00–16:00; Founding Day and National Day, and Eid al-Fitr on Umm al-Qura (which
        // NodaTime covers to 2076, so the calendar says how far it goes).
        var riyadh = BusinessCalendar.CreateBuilder("Asia/Riyadh")
            .AddWorkingHours([IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday],
                new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays(
            [
                new FixedDateHoliday("Founding Day", 2, 22, HolidaySubstitution.None),
                new FixedDateHoliday("National Day", 9, 23, HolidaySubstitution.None),
                new CalendarSystemHoliday("Eid al-Fitr", CalendarSystem.UmAlQura, month: 10, day: 1, days: 4, isEstimate: true),
            ])
            .Covering(2025, 2030)
            .Build();

        var receivedAt = Instant.FromUtc(2026, 3, 17, 7, 0); // Tuesday 17 March 2026: 10:30 in Tehran, 10:00 in Riyadh

        // Three business days, to close of business: Nowruz is 21–24 March 2026, Eid al-Fitr 20–23 March.
        Console.WriteLine(tehran.AddBusinessDays(receivedAt, 3)); // 2026-03-28T12:30:00Z (Saturday 28 March, 16:00 in Tehran)
        Console.WriteLine(riyadh.AddBusinessDays(receivedAt, 3)); // 2026-03-24T13:00:00Z (Tuesday 24 March, 16:00 in Riyadh)
        // regions-calendar-example:end
    }
}
