// Denmark: statutory-rules.md section 2 (sygedagpengeloven, LBK nr. 994 af 22/08/2024).
// Danish phrasing "4 uger efter 1. sygedag" is read literally as S + 28 (calendarDay 29).
import type { JurisdictionRules } from "./model.js";

export const DK_RULES: JurisdictionRules = {
  jurisdiction: "DK",
  caseRule: {
    // Periods that touch or overlap are one sickness; any day back at work ends it.
    newCaseAfterGapDays: 1,
    vacationRightAfterSickIsSick: false,
    source: "sygedagpengeloven § 30",
    note: "UNVERIFIED: no merging rule for repeated sickness was found; each new sickness starts a new case.",
  },
  earlyEffort: {
    // Seed 003 (KERNEELEMENT 3, "Fremrykket indsats"): "Lederne vurderer ved sygemelding, om der er risiko
    // for langvarigt sygefravær og kontakter i så fald jobcentret … for at igangsætte Fast track". The
    // screening is the leader's own assessment (a tool, not law); the request is the law's option.
    screenings: [
      { round: "report", calendarDay: 1, note: "At the report (seed 003: 'ved sygemelding')." },
      { round: "week2", calendarDay: 8, note: "Again at the start of week 2, well inside the 5-week window of § 7c." },
    ],
    milestone: "dk.fast_track_request",
    expectedAbsenceOverDays: 56,
    // Shown to people as it stands (a legal citation, the same in every language).
    source: "sygedagpengeloven §§ 7c, 7e, 13b stk. 2",
    note:
      "§ 7c the employer, § 7e the employee (statutory-rules.md: pav.medst.dk 24.2.5; cabiweb). The employer (or the employee) may ask the kommune for early follow-up when the absence is expected to " +
      "exceed 8 weeks, within the first 5 weeks (S+34). Voluntary: the employee may decline (seed 003: 'Fast track " +
      "er en frivillig ordning'), so the bot stores a request only with her agreement. The kommune then holds the " +
      "first follow-up within 2 weeks of the request (§ 13b stk. 2, not modelled). The screening indicators are " +
      "seed 003's 'screeningsværktøj … med indikatorer' (project practice, not law).",
  },
  rules: [
    {
      id: "dk.sygefravaerssamtale",
      settledBy: ["meeting_held"],
      effectiveFrom: "2010-01-04",
      source: "sygedagpengeloven § 7a",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "calendarDay", day: 29 },
      note:
        "Literal 'senest 4 uger efter 1. sygedag' = S+28; nudge by S+27 to be safe. Not required if the employee is " +
        "under notice and leaves within 8 weeks (not modelled). UNVERIFIED: partial sickness, and no duty when back before " +
        "the deadline (derived: cancelled).",
    },
    {
      id: "dk.employer_period_end",
      effectiveFrom: "2008-06-02",
      source: "sygedagpengeloven § 30 (2008)",
      responsible: "employer",
      leaderAction: false,
      anchor: { kind: "calendarDay", day: 21 },
      note: "21-day employer period for sickness starting 2008-06-02 – 2012-01-01.",
    },
    {
      id: "dk.employer_period_end",
      effectiveFrom: "2012-01-02",
      source: "sygedagpengeloven § 30",
      responsible: "employer",
      leaderAction: false,
      anchor: { kind: "calendarDay", day: 30 },
      note:
        "Employer pays days 1–30; the kommune refunds from day 31. Needs ≥ 8 weeks' employment and ≥ 74 hours " +
        "(§ 30 stk. 2, not checked). Not extended by holidays.",
    },
    {
      id: "dk.fast_track_request",
      // Made (sent to the jobcenter) or not to be made: the employee said no, or the week-2 screening found no risk.
      settledBy: ["fast_track_requested", "fast_track_declined", "fast_track_not_indicated"],
      effectiveFrom: "2015-01-05",
      source: "sygedagpengeloven § 7c",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "calendarDay", day: 35 },
      conditions: [
        {
          kind: "minCaseDays",
          days: 57,
          otherwise: "not_applicable",
          note: "Only when the absence is expected to exceed 8 weeks; this case ends by day 56.",
        },
      ],
      note:
        "An option, within the first 5 weeks (the employee may ask too, § 7e). effectiveFrom: doc says 'from 2015' " +
        "(sygedagpengereform); exact date UNVERIFIED.",
    },
    {
      id: "dk.fravaer_anmeldelse",
      effectiveFrom: "2012-01-02",
      source: "sygedagpengeloven (NemRefusion; pav.medst.dk 24.3.4)",
      responsible: "employer",
      leaderAction: false,
      // Needed only if the absence reaches the refund period (day 31); due 5 weeks after S.
      anchor: { kind: "calendarDay", day: 31 },
      dueShiftDays: 5,
      note:
        "'Senest 5 uger efter første fraværsdag'; a late report gives refund only from the report date. effectiveFrom " +
        "tied to the 30-day employer period; the doc gives none: UNVERIFIED.",
    },
    {
      id: "dk.fastholdelsesplan",
      settledBy: ["plan_confirmed", "plan_not_needed"],
      effectiveFrom: "2010-01-04",
      source: "sygedagpengeloven § 7b",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "onRequest" },
      conditions: [
        {
          kind: "minCaseDays",
          days: 56,
          otherwise: "not_applicable",
          note: "Only when the employee is not expected back within 8 weeks of the first sick day.",
        },
      ],
      note: "The employee may ask at any time during the absence; the employer may refuse (stk. 2).",
    },
    {
      id: "dk.mulighedserklaering",
      effectiveFrom: "2010-01-04",
      source: "sygedagpengeloven § 36a",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "onRequest" },
      note: "Any time, also for repeated short absences; the employer pays. effectiveFrom: '2009 reform', in-force date UNVERIFIED.",
    },
    {
      id: "dk.jobcenter_first_followup",
      effectiveFrom: "2015-01-05",
      source: "sygedagpengeloven § 13b stk. 1",
      responsible: "kommune",
      leaderAction: false,
      anchor: { kind: "calendarDay", day: 56 },
      note:
        "By the end of week 8; then ≥ 4 follow-ups in 6 months. After a fast-track request: within 2 weeks of it " +
        "(§ 13b stk. 2, not modelled). effectiveFrom: sygedagpengereform, UNVERIFIED.",
    },
    {
      id: "dk.revurdering_22w",
      effectiveFrom: "2014-07-01",
      source: "sygedagpengeloven § 24",
      responsible: "kommune",
      leaderAction: false,
      // > 22 weeks of benefit after the 30-day employer period = day 185; revurdering at that month's end.
      anchor: { kind: "calendarDay", day: 185 },
      dueAtEndOfMonth: true,
      note:
        "Derived for a continuous case; the 9-month look-back over earlier absences is not modelled. " +
        "effectiveFrom (22-week limit) is not in statutory-rules.md: UNVERIFIED.",
    },
  ],
};
