using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

public sealed class AustralianHolidaysTests
{
    private const string Zone = "Australia/Sydney";

    // The NSW public holidays as the NSW Government publishes them (https://www.nsw.gov.au/about-nsw/public-holidays), the
    // weekend ones included, under the Public Holidays Act 2010 (NSW), section 4. The Bank Holiday is not among them.
    public static TheoryData<int, LocalDate[]> NewSouthWalesPublished => new()
    {
        {
            // 2021: Anzac Day on a Sunday, no additional day; Christmas Day on a Saturday and Boxing Day on the Sunday,
            // additional days on Monday 27 and Tuesday 28 December.
            2021,
            [D(2021, 1, 1), D(2021, 1, 26), D(2021, 4, 2), D(2021, 4, 3), D(2021, 4, 4), D(2021, 4, 5), D(2021, 4, 25),
             D(2021, 6, 14), D(2021, 10, 4), D(2021, 12, 25), D(2021, 12, 26), D(2021, 12, 27), D(2021, 12, 28)]
        },
        {
            // 2022: New Year's Day on a Saturday, additional day Monday 3 January; Christmas Day on a Sunday, Boxing Day on
            // Monday 26 and the additional day on Tuesday 27 December.
            2022,
            [D(2022, 1, 1), D(2022, 1, 3), D(2022, 1, 26), D(2022, 4, 15), D(2022, 4, 16), D(2022, 4, 17), D(2022, 4, 18),
             D(2022, 4, 25), D(2022, 6, 13), D(2022, 10, 3), D(2022, 12, 25), D(2022, 12, 26), D(2022, 12, 27)]
        },
        {
            // 2025: Australia Day on a Sunday is no public holiday; Monday 27 January is instead.
            2025,
            [D(2025, 1, 1), D(2025, 1, 27), D(2025, 4, 18), D(2025, 4, 19), D(2025, 4, 20), D(2025, 4, 21), D(2025, 4, 25),
             D(2025, 6, 9), D(2025, 10, 6), D(2025, 12, 25), D(2025, 12, 26)]
        },
        {
            // 2026: Anzac Day on a Saturday, with Monday 27 April declared by the Public Holidays Amendment (Anzac Day)
            // Order 2026; Boxing Day on a Saturday, additional day Monday 28 December.
            2026,
            [D(2026, 1, 1), D(2026, 1, 26), D(2026, 4, 3), D(2026, 4, 4), D(2026, 4, 5), D(2026, 4, 6), D(2026, 4, 25),
             D(2026, 4, 27), D(2026, 6, 8), D(2026, 10, 5), D(2026, 12, 25), D(2026, 12, 26), D(2026, 12, 28)]
        },
        {
            // 2027: Anzac Day on a Sunday with Monday 26 April declared by the same order; Christmas Day on a Saturday
            // and Boxing Day on the Sunday, additional days Monday 27 and Tuesday 28 December.
            2027,
            [D(2027, 1, 1), D(2027, 1, 26), D(2027, 3, 26), D(2027, 3, 27), D(2027, 3, 28), D(2027, 3, 29), D(2027, 4, 25),
             D(2027, 4, 26), D(2027, 6, 14), D(2027, 10, 4), D(2027, 12, 25), D(2027, 12, 26), D(2027, 12, 27), D(2027, 12, 28)]
        },
    };

    // The holidays kept in every state and territory (Fair Work Ombudsman,
    // https://www.fairwork.gov.au/employment-conditions/public-holidays), with the weekday every one of them gives for a
    // weekend New Year's Day, Australia Day, Christmas Day or Boxing Day in place of the weekend date.
    public static TheoryData<int, LocalDate[]> NationalPublished => new()
    {
        {
            // 2021: Anzac Day on a Sunday stays; Christmas Day and Boxing Day move to Monday 27 and Tuesday 28 December.
            2021,
            [D(2021, 1, 1), D(2021, 1, 26), D(2021, 4, 2), D(2021, 4, 5), D(2021, 4, 25), D(2021, 12, 27), D(2021, 12, 28)]
        },
        {
            // 2022: New Year's Day on a Saturday moves to Monday 3 January; Christmas Day on a Sunday to Tuesday 27 December.
            2022,
            [D(2022, 1, 3), D(2022, 1, 26), D(2022, 4, 15), D(2022, 4, 18), D(2022, 4, 25), D(2022, 12, 26), D(2022, 12, 27)]
        },
        {
            // 2026: Anzac Day on a Saturday stays; Boxing Day on a Saturday moves to Monday 28 December.
            2026,
            [D(2026, 1, 1), D(2026, 1, 26), D(2026, 4, 3), D(2026, 4, 6), D(2026, 4, 25), D(2026, 12, 25), D(2026, 12, 28)]
        },
    };

    [Theory]
    [MemberData(nameof(NewSouthWalesPublished))]
    public void NewSouthWales_PublishedYear_GivesExactlyThePublicHolidays_AlsoOnAMondayToFridayCalendar(int year, LocalDate[] published)
    {
        PublishedHolidays.AssertMatches(Zone, AustralianHolidays.NewSouthWales, year, published);
    }

    [Theory]
    [MemberData(nameof(NationalPublished))]
    public void National_Year_GivesTheHolidaysKeptEverywhere_AlsoOnAMondayToFridayCalendar(int year, LocalDate[] published)
    {
        PublishedHolidays.AssertMatches(Zone, AustralianHolidays.National, year, published);
    }

    [Fact]
    public void NewSouthWales_AnzacDayOnAWeekend_HasNoAdditionalDayUnderTheAct()
    {
        // 2020 (Saturday) and 2032 (Sunday): only the order of 2026 gave a Monday, for 2026 and 2027.
        Assert.Equal([D(2020, 4, 25)], PublishedHolidays.InYear(AustralianHolidays.NewSouthWales, 2020).Where(d => d is { Month: 4, Day: > 20 }));
        Assert.Equal([D(2032, 4, 25)], PublishedHolidays.InYear(AustralianHolidays.NewSouthWales, 2032).Where(d => d is { Month: 4, Day: > 20 }));
    }

    [Fact]
    public void NewSouthWalesBanks_AddsTheBankHolidayOnTheFirstMondayOfAugust()
    {
        // The NSW Government's list gives the Bank Holiday as Monday 3 August 2026 (banks only).
        var banks = PublishedHolidays.InYear(AustralianHolidays.NewSouthWalesBanks, 2026);
        var everyone = PublishedHolidays.InYear(AustralianHolidays.NewSouthWales, 2026);

        Assert.Equal([D(2026, 8, 3)], banks.Except(everyone));
        Assert.Empty(everyone.Except(banks));
    }

    private static LocalDate D(int y, int m, int d) => new(y, m, d);
}
