// fetch with a deadline: a request that hangs is a timeout we can retry, not a stuck job.
export interface TimedRequest extends RequestInit {
  timeoutMs: number;
}

export class HttpFailure extends Error {
  constructor(
    message: string,
    readonly kind: "timeout" | "network",
  ) {
    super(message);
    this.name = "HttpFailure";
  }
}

export async function fetchWithTimeout(url: string, request: TimedRequest): Promise<Response> {
  const { timeoutMs, ...init } = request;
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") throw new HttpFailure(`no answer within ${timeoutMs} ms`, "timeout");
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new HttpFailure(cause?.code ?? cause?.message ?? (error as Error).message, "network");
  }
}
