// Norway: statutory-rules.md sections 1.1–1.5. Deadlines use NAV's reading
// "within N weeks" = end of day 7N (S + 7N − 1), i.e. calendarDay 7N.
import type { JurisdictionRules } from "./model.js";

/** ftrl § 8-12: sick pay for at most 248 days (5 a week) after the employer period. */
const SICK_PAY_DAYS = 248;
/** NAV sends "Snart slutt på sykepenger" when at most this many sick-pay days remain. */
const SSPS_REMAINING_DAYS = 90;
const AGP_DAYS = 16;

export const NO_RULES: JurisdictionRules = {
  jurisdiction: "NO",
  caseRule: {
    newCaseAfterGapDays: 16,
    vacationRightAfterSickIsSick: true,
    source: "ftrl § 8-19 (3); navikt/isoppfolgingstilfelle OppfolgingstilfelleDag.kt",
    note: "≤ 15 non-sick days between periods keep one case; egenmelding and graded days are sick days.",
  },
  rules: [
    {
      id: "no.agp_end",
      effectiveFrom: "1998-04-01",
      source: "ftrl § 8-19",
      responsible: "employer",
      leaderAction: false,
      anchor: { kind: "sickDay", day: AGP_DAYS, scope: "case" },
      note:
        "The 16th sick day of the case; the counter restarts after 16 non-sick days, which is where a new case starts. " +
        "Vacation appended to the case counts here as in NAV's case rule. Needs ≥ 4 weeks' employment (not checked). " +
        "effectiveFrom (16-day period) is not in statutory-rules.md: UNVERIFIED.",
    },
    {
      id: "no.followup_plan",
      settledBy: ["plan_confirmed", "plan_not_needed"],
      effectiveFrom: "2007-03-01",
      source: "aml § 4-6 (3) (2007)",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "calendarDay", day: 42 },
      note: "Plan within 6 weeks under the 2007 rules.",
    },
    {
      id: "no.followup_plan",
      settledBy: ["plan_confirmed", "plan_not_needed"],
      effectiveFrom: "2011-07-01",
      source: "aml § 4-6 (3)",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "calendarDay", day: 28 },
      note: "Applies to 100 % and graded leave; may be skipped when 'åpenbart unødvendig' (a judgement the leader records).",
    },
    {
      id: "no.plan_to_sykmelder",
      settledBy: ["plan_sent_to_doctor", "plan_not_needed"],
      effectiveFrom: "2014-07-01",
      source: "aml § 4-6 (3)",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "calendarDay", day: 28 },
      note: "'Så snart den er utarbeidet, og senest etter fire uker'; the parties may agree how to send it.",
    },
    {
      id: "no.dialogmote1",
      settledBy: ["meeting_held"],
      effectiveFrom: "2007-03-01",
      source: "aml § 4-6 (4) (2007)",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "calendarDay", day: 84 },
      note: "Meeting within 12 weeks under the 2007 rules.",
    },
    {
      id: "no.dialogmote1",
      settledBy: ["meeting_held"],
      effectiveFrom: "2011-07-01",
      source: "aml § 4-6 (4) (2011)",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "calendarDay", day: 49 },
      note: "2011–2014 rule: within 7 weeks, also for graded leave.",
    },
    {
      id: "no.dialogmote1",
      settledBy: ["meeting_held"],
      effectiveFrom: "2014-07-01",
      source: "aml § 4-6 (4)",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "calendarDay", day: 49 },
      conditions: [
        {
          kind: "gradeOnAnchor",
          minGrade: 100,
          otherwise: "on_request",
          note: "Not 100 % on day 49 (or the last sick day before it): held only if a party finds it appropriate.",
        },
      ],
      note: "Mixed 100 %/graded cases are not settled by the law; this follows the doc's recommended reading.",
    },
    {
      id: "no.aktivitetskrav",
      effectiveFrom: "2022-02-01",
      source: "ftrl § 8-8 (2)",
      responsible: "nav",
      leaderAction: true,
      anchor: { kind: "calendarDay", day: 56 },
      conditions: [
        {
          kind: "minSickDays",
          days: 56,
          otherwise: "not_applicable",
          note: "NAV checks the activity requirement only when the case has ≥ 56 sick days (gap days excluded).",
        },
        {
          kind: "fullAtEnd",
          otherwise: "not_applicable",
          note: "Graded at case end: NAV marks the activity requirement automatically fulfilled.",
        },
      ],
      note:
        "effectiveFrom is NAV's isaktivitetskrav cut-off (cases from 2022-02-01); the 8-week duty itself is older. " +
        "The employer documents tilrettelegging in the plan.",
    },
    {
      id: "no.nav_motebehov_query",
      settledBy: ["meeting_held"],
      effectiveFrom: "2022-05-19",
      source: "ftrl § 8-7a; navikt/isdialogmotekandidat",
      responsible: "nav",
      leaderAction: true,
      anchor: { kind: "calendarDay", day: 120 },
      dueNotBeforeFirstSeen: true,
      note:
        "If day 120 had passed when we first learned that the case runs to or past it (earliest reportedOn of such a " +
        "sick period) and the case continues after that day, it falls due that day (NAV: stoppunkt = today). " +
        "NAV skips it if a dialogmøte was held since S (not tracked). Before 2022-05-19 NAV used day 113 (not modelled).",
    },
    {
      id: "no.dialogmote2",
      effectiveFrom: "2007-03-01",
      source: "ftrl § 8-7a",
      responsible: "nav",
      leaderAction: true,
      anchor: { kind: "calendarDay", day: 182 },
      note: "26 weeks per NAV's texts ('new meeting within 6 months' since 2007); any party may ask earlier.",
    },
    {
      id: "no.plan_to_nav",
      settledBy: ["plan_sent_to_nav"],
      effectiveFrom: "2014-07-01",
      source: "aml § 4-6 (3); ftrl § 25-2",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "onRequest" },
      note: "Due 7 days before any dialogmøte NAV convenes, or when NAV asks; meeting dates are not an input here.",
    },
    {
      id: "no.dialogmote3",
      effectiveFrom: "2011-07-01",
      source: "ftrl § 8-7a",
      responsible: "nav",
      leaderAction: true,
      anchor: { kind: "onRequest" },
    },
    {
      id: "no.ssps_letter",
      effectiveFrom: "2023-08-22",
      source: "NAV practice (navikt/meroppfolging-backend)",
      responsible: "nav",
      leaderAction: false,
      anchor: { kind: "weekdaysAfterSickDay", sickDay: AGP_DAYS, weekdays: SICK_PAY_DAYS - SSPS_REMAINING_DAYS },
      note:
        "Not statutory; letter to the employee. Derived from maksdato: the day on which at most 90 of 248 sick-pay " +
        "days remain. NAV also needs maksdato ≥ today + 14 and age < 67 (not modelled). Was < 80 days 2022-11-10.",
    },
    {
      id: "no.maksdato",
      effectiveFrom: "1997-05-01",
      source: "ftrl § 8-12",
      responsible: "nav",
      leaderAction: true,
      anchor: { kind: "weekdaysAfterSickDay", sickDay: AGP_DAYS, weekdays: SICK_PAY_DAYS },
      note:
        "Uninterrupted-case formula. Not modelled: gap weekdays after the employer period (they make it later), days " +
        "used in earlier cases, 260 days when NAV pays from day 1, the 67–70 age limit. NAV's maksdato wins once it " +
        "has paid. effectiveFrom (ftrl 1997) is not in statutory-rules.md: UNVERIFIED.",
    },
  ],
};
