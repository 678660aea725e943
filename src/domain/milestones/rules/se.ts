// Sweden: statutory-rules.md section 3. In a chain of merged periods "day N" is the
// N-th sick day, not S + N − 1, so the anchors here count sick days.
import type { JurisdictionRules } from "./model.js";

/** The rules of the current sjuklön regime (karensavdrag instead of karensdag). */
const SJUKLON_REGIME = "2019-01-01";

export const SE_RULES: JurisdictionRules = {
  jurisdiction: "SE",
  caseRule: {
    newCaseAfterGapDays: 90,
    vacationRightAfterSickIsSick: false,
    source: "SFB 27 kap. (rehabiliteringskedjan)",
    note: "Sick days of periods < 90 days apart are added together. UNVERIFIED: the exact SFB paragraph.",
  },
  sickPayPeriod: {
    newPeriodAfterGapDays: 6,
    source: "SjlL 7 § 3 st.",
  },
  rules: [
    {
      id: "se.sick_pay_period_end",
      effectiveFrom: SJUKLON_REGIME,
      source: "SjlL 7 §",
      responsible: "employer",
      leaderAction: false,
      anchor: { kind: "sickDay", day: 14, scope: "sickPayPeriod" },
      note:
        "Sjuklön days 1–14 with one karensavdrag. Falling ill again within 5 days continues the same period; " +
        "computed for the latest sjuklöneperiod of the chain.",
    },
    {
      id: "se.medical_certificate",
      effectiveFrom: SJUKLON_REGIME,
      source: "SjlL 8 §",
      responsible: "employee",
      leaderAction: true,
      anchor: { kind: "sickDay", day: 8, scope: "sickPayPeriod" },
      note:
        "From day 8 of the sjuklöneperiod; the employer may ask earlier. effectiveFrom = current sjuklön regime; " +
        "the day-8 rule is older (date not in the doc).",
    },
    {
      id: "se.report_to_fk",
      effectiveFrom: SJUKLON_REGIME,
      source: "SjlL; FK sjukanmälan",
      responsible: "employer",
      leaderAction: false,
      // Needed once sick past the 14 sjuklön days: window opens on day 15 and closes 7 days after day 14.
      anchor: { kind: "sickDay", day: 15, scope: "sickPayPeriod" },
      earliestShiftDays: 0,
      dueShiftDays: 6,
      note: "Within 7 days after the sjuklöneperiod ends, not before. effectiveFrom = current sjuklön regime (not in the doc).",
    },
    {
      id: "se.return_to_work_plan",
      settledBy: ["plan_confirmed", "plan_not_needed"],
      effectiveFrom: "2018-07-01",
      source: "SFB 30 kap. 6 §",
      responsible: "employer",
      leaderAction: true,
      anchor: { kind: "sickDay", day: 30, scope: "case" },
      conditions: [
        {
          kind: "minSickDays",
          days: 60,
          otherwise: "not_applicable",
          note: "Only when work capacity is expected to be reduced ≥ 60 days; this chain has fewer sick days.",
        },
      ],
      note:
        "If the 60 days become clear later: 'omgående'. Not required if health clearly prevents any return. " +
        "UNVERIFIED: whether day 30 counts the summed sick days of a chain (used here).",
    },
    {
      id: "se.day90",
      effectiveFrom: "2008-07-01",
      source: "SFB 27 kap. (rehabiliteringskedjan)",
      responsible: "fk",
      leaderAction: true,
      anchor: { kind: "sickDay", day: 90, scope: "case" },
      note:
        "From day 91 sjukpenning only if no work at the employer is possible: explore adjustments now. Full and part-time " +
        "days count alike. effectiveFrom (rehab chain 2008) is not in statutory-rules.md: UNVERIFIED.",
    },
    {
      id: "se.day180",
      effectiveFrom: "2008-07-01",
      source: "SFB 27 kap. (rehabiliteringskedjan)",
      responsible: "fk",
      leaderAction: false,
      anchor: { kind: "sickDay", day: 180, scope: "case" },
      note: "From day 181 assessed against normalt förekommande arbete (exceptions apply). effectiveFrom UNVERIFIED.",
    },
    {
      id: "se.day365",
      effectiveFrom: "2008-07-01",
      source: "SFB 27 kap. (rehabiliteringskedjan)",
      responsible: "fk",
      leaderAction: false,
      anchor: { kind: "sickDay", day: 365, scope: "case" },
      note: "From day 366 always assessed against normalt förekommande arbete (special cases aside). effectiveFrom UNVERIFIED.",
    },
  ],
};
