// The one rule of "who may know": the team only with «the leader and the closest colleagues»;
// the ARR team only with her consent and never while she says «only my leader».
import { describe, expect, it } from "vitest";
import { mayBeTold, teamMayKnow, WHO_MAY_KNOW, type Agreement, type WhoMayKnow } from "../../../src/domain/agreement/index.js";

const agreement = (code: WhoMayKnow): Agreement => ({ whoMayKnow: { code, display: code }, fallbackTasks: [], snapshots: [] });

describe("mayBeTold", () => {
  it("decides for the team and the ARR team from her answer and her consent", () => {
    const table = Object.fromEntries(
      WHO_MAY_KNOW.map((code) => [code, { team: mayBeTold(agreement(code), "team", { arr: true }), arrWithConsent: mayBeTold(agreement(code), "arr", { arr: true }), arrWithout: mayBeTold(agreement(code), "arr", { arr: false }) }]),
    );
    expect(table).toEqual({
      leader_only: { team: false, arrWithConsent: false, arrWithout: false },
      leader_and_team: { team: true, arrWithConsent: true, arrWithout: false },
      leader_and_named: { team: false, arrWithConsent: true, arrWithout: false },
      ask_me_first: { team: false, arrWithConsent: true, arrWithout: false },
    });
  });

  it("without an agreement: the team is not told, the ARR team as her consent says", () => {
    expect(mayBeTold(null, "team", { arr: true })).toBe(false);
    expect(mayBeTold(null, "arr", { arr: true })).toBe(true);
    expect(mayBeTold(null, "arr", { arr: false })).toBe(false);
    expect(teamMayKnow(agreement("leader_and_team"))).toBe(true);
  });
});
