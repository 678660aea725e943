// The health-detail guard's contract, shared by the dialogue engine (which asks
// before storing free text) and the `cli guard` command.
export interface GuardResult {
  flagged: boolean;
  /** The exact substrings that triggered the guard, as they appear in the text. */
  matches: string[];
}

export type HealthGuard = (text: string) => GuardResult;
