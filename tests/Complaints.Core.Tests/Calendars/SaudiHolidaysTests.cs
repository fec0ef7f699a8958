using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

/// <summary><see cref="SaudiHolidays.PrivateSector"/> against the private sector's official holidays of 2024 and 2025.</summary>
public sealed class SaudiHolidaysTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static LocalDate[] Span(LocalDate first, int days) => Enumerable.Range(0, days).Select(first.PlusDays).ToArray();

    private static CalendarSystemHoliday Rule(string name) => SaudiHolidays.PrivateSector.OfType<CalendarSystemHoliday>().Single(r => r.Name == name);

    /// <summary>A Riyadh calendar, Sunday to Thursday, so Friday and Saturday are the weekend (since 2013).</summary>
    private static BusinessCalendarBuilder Riyadh(int firstYear, int lastYear) =>
        BusinessCalendar.CreateBuilder("Asia/Riyadh")
            .AddWorkingHours([IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday], new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays(SaudiHolidays.PrivateSector)
            .Covering(firstYear, lastYear);

    private static LocalDate[] Holidays(BusinessCalendar calendar, int year)
    {
        var days = new List<LocalDate>();
        for (var d = D(year, 1, 1); d.Year == year; d = d.PlusDays(1))
        {
            if (calendar.IsHoliday(d))
            {
                days.Add(d);
            }
        }

        return days.ToArray();
    }

    [Fact]
    public void Build_2024_WithTheMinistrysAnnouncements_GivesTheOfficialHolidays()
    {
        // Eid al-Fitr 1445: from the end of work on Monday 8 April (29 Ramadan) for four days (MHRSD, reported by Siasat and
        // Khaleej Times, March 2024), Eid itself on Wednesday 10 April after a 30-day Ramadan (Gulf Insider).
        // Eid al-Adha 1445: Saturday 15 to Tuesday 18 June, from the Day of Arafah (MHRSD on X, reported by Siasat, 7 June 2024).
        // National Day: Sunday 22 and Monday 23 September, the Sunday a one-off bridge (MHRSD, reported by Zawya, 18 September 2024).
        var calendar = Riyadh(2024, 2025)
            .AnnounceHoliday(new HolidayAnnouncement("Eid al-Fitr", 1445, D(2024, 4, 9)))
            .AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1445, D(2024, 6, 15)))
            .AddHolidayProvider(new BusinessCalendarTests.FixedProvider(D(2024, 9, 22)))
            .Build();

        LocalDate[] official = [D(2024, 2, 22), .. Span(D(2024, 4, 9), 4), .. Span(D(2024, 6, 15), 4), D(2024, 9, 22), D(2024, 9, 23)];
        Assert.Equal(official, Holidays(calendar, 2024));
    }

    [Fact]
    public void Build_2025_EstimatesAreTheOfficialHolidays()
    {
        // Founding Day on Saturday 22 February, observed on Sunday 23 (the weekend rule; the MHRSD named the Saturday).
        // Eid al-Fitr 1446: from the end of work on Saturday 29 March (29 Ramadan) for four days, Sunday 30 March to
        // Wednesday 2 April (MHRSD, reported by Zawya, 12 March 2025). Eid al-Adha 1446: Thursday 5 to Sunday 8 June, the Day
        // of Arafah on the 5th (MHRSD and the Supreme Court, reported by Zawya, 29 May 2025). National Day on Tuesday 23 September.
        var calendar = Riyadh(2024, 2025).Build();

        LocalDate[] official = [D(2025, 2, 23), .. Span(D(2025, 3, 30), 4), .. Span(D(2025, 6, 5), 4), D(2025, 9, 23)];
        Assert.Equal(official, Holidays(calendar, 2025));
    }

    [Fact]
    public void Estimates_2024And2025_AreWithinADayOfTheOfficialFirstDays()
    {
        // (rule, Hijri year, official first day): the sources above. Only Eid al-Fitr 1445 differs, by the rule's design:
        // Ramadan 1445 had 30 days, so the holiday began on 30 Ramadan, a day before 1 Shawwal.
        (string Name, int Year, LocalDate Official)[] eids =
        [
            ("Eid al-Fitr", 1445, D(2024, 4, 9)),
            ("Eid al-Adha", 1445, D(2024, 6, 15)),
            ("Eid al-Fitr", 1446, D(2025, 3, 30)),
            ("Eid al-Adha", 1446, D(2025, 6, 5)),
        ];

        var offs = eids.Select(e => Period.DaysBetween(e.Official, Rule(e.Name).ComputedStart(e.Year)!.Value)).ToArray();

        Assert.Equal([1, 0, 0, 0], offs);
    }

    [Theory]
    [InlineData(2022, 9, 22)] // Friday 23 September 2022: the Thursday before
    [InlineData(2023, 9, 24)] // Saturday 23 September 2023: the Sunday after
    [InlineData(2024, 9, 23)] // Monday: on the day
    public void NationalDay_OnTheWeekend_MovesToTheNearestWorkingDay(int year, int month, int day)
    {
        // The ministry's circular of February 2023 (Gulf News, 3 February 2023): a Friday to the Thursday before, a Saturday
        // to the Sunday after.
        var calendar = Riyadh(2022, 2024).Build();

        Assert.Contains(D(year, month, day), Holidays(calendar, year));
        Assert.DoesNotContain(Holidays(calendar, year), d => d.Month == 9 && d != D(year, month, day) && d.Day is >= 20 and <= 26);
    }

    [Fact]
    public void Build_2006_EidAlAdhaFallsTwice_AndTheAnnouncementMovesOnlyTheDecemberOne()
    {
        // The Day of Arafah 1426 was Monday 9 January 2006, as Umm al-Qura has it; that of 1427 was Friday 29 December 2006,
        // a day before Umm al-Qura's date (Saudi embassy, "Supreme Judicial Council announces Hajj 1427 dates"). The weekend
        // was Thursday–Friday until 2013, so this calendar works Saturday to Wednesday; National Day was a Saturday.
        var calendar = BusinessCalendar.CreateBuilder("Asia/Riyadh")
            .AddWorkingHours([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday], new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays(SaudiHolidays.PrivateSector)
            .Covering(2005, 2007)
            .AnnounceHoliday(new HolidayAnnouncement("Eid al-Adha", 1427, D(2006, 12, 29)))
            .Build();

        Assert.Equal([.. Span(D(2006, 1, 9), 4), D(2006, 12, 30), D(2006, 12, 31)], Rule("Eid al-Adha").DatesIn(2006)); // computed
        LocalDate[] expected = [.. Span(D(2006, 1, 9), 4), D(2006, 9, 23), .. Span(D(2006, 10, 23), 4), .. Span(D(2006, 12, 29), 3)];
        Assert.Equal(expected, Holidays(calendar, 2006));
        Assert.True(calendar.IsHoliday(D(2007, 1, 1)));
    }

    [Fact]
    public void PrivateSector_CoversTo2100_WithTheEidRulesEndingIn2076()
    {
        var calendar = Riyadh(2000, 2100).Build();

        Assert.Contains(Holidays(calendar, 2076), d => d == Rule("Eid al-Fitr").DatesIn(2076)[0]);
        Assert.Equal([D(2100, 2, 22), D(2100, 9, 23)], Holidays(calendar, 2100)); // Monday and Thursday; no Eid after 2076
        Assert.All(SaudiHolidays.PrivateSector.OfType<CalendarSystemHoliday>(), r => Assert.Equal(2076, r.LastYear));
        Assert.Equal(2022, SaudiHolidays.PrivateSector.Single(r => r.Name == "Founding Day").FirstYear);
    }
}
