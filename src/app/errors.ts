// Errors a user can fix. They carry a locale key and parameters instead of text,
// so each channel shows them in the reader's language.
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, unknown> = {},
    readonly problems: UserProblem[] = [],
  ) {
    super(key);
    this.name = "UserError";
  }
}

/** One problem in a batch (e.g. a CSV line), with where it is. */
export interface UserProblem {
  line?: number;
  field?: string;
  key: string;
  params?: Record<string, unknown>;
}
