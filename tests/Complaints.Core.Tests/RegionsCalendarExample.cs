using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests;

/// <summary>The README's Tehran, Riyadh and Moscow calendars, compiled and run; <see cref="ReadmeTests"/> checks the code and what it prints.</summary>
internal static class RegionsCalendarExample
{
    public static void Run()
    {
        // regions-calendar-example:begin
        IsoDayOfWeek[] saturdayToWednesday = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday];
        IsoDayOfWeek[] sundayToThursday = [IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday];

        // Tehran: Saturday to Wednesday 08:00–16:00 and Iran's official holidays: the Solar Hijri ones (Nowruz, 29 Esfand…)
        // exact, the lunar ones estimated until announced.
        var tehran = BusinessCalendar.CreateBuilder("Asia/Tehran")
            .AddWorkingHours(saturdayToWednesday, new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays(IranianHolidays.Official)
            .Build();

        // Riyadh: Sunday to Thursday 08:00–16:00; Founding Day, National Day and the Eids on Umm al-Qura. The official
        // date follows the moon: in 1445 the Eid al-Fitr holiday began on 9 April 2024, a day before the estimate.
        var riyadh = BusinessCalendar.CreateBuilder("Asia/Riyadh")
            .AddWorkingHours(sundayToThursday, new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays(SaudiHolidays.PrivateSector)
            .AnnounceHoliday(new HolidayAnnouncement("Eid al-Fitr", 1445, new LocalDate(2024, 4, 9)))
            .Build();

        // Moscow: Monday to Friday 09:00–18:00, the Labour Code's holidays and the Government's yearly transfer decrees.
        var transfers = new RussianHolidayTransfers(new LocalTime(9, 0), new LocalTime(18, 0));
        var moscow = BusinessCalendar.CreateBuilder("Europe/Moscow")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(18, 0))
            .AddHolidays(RussianHolidays.NonWorkingHolidays)
            .AddHolidayProvider(transfers)
            .AddWorkingDayProvider(transfers)
            .Build();

        var receivedAt = Instant.FromUtc(2026, 3, 17, 7, 0); // Tuesday 17 March 2026: 10:30 in Tehran, 10:00 in Riyadh

        // Three business days, to close of business.
        Console.WriteLine(tehran.AddBusinessDays(receivedAt, 3)); // 2026-03-28T12:30:00Z (Saturday: 20 March is 29 Esfand, 21–24 March Nowruz)
        Console.WriteLine(riyadh.AddBusinessDays(receivedAt, 3)); // 2026-03-24T13:00:00Z (Tuesday: Eid al-Fitr 20–23 March, estimated)
        Console.WriteLine(riyadh.IsHoliday(new LocalDate(2024, 4, 9))); // True (announced)

        // Monday 28 December 2026 in Moscow: 31 December is a day off moved there by the 2026 decree, then 1–8 January.
        Console.WriteLine(moscow.AddBusinessDays(Instant.FromUtc(2026, 12, 28, 7, 0), 3)); // 2027-01-11T15:00:00Z (Monday 11 January, 18:00)
        // regions-calendar-example:end
    }
}
