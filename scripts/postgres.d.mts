// Types of scripts/postgres.mjs (plain JavaScript so CI and scripts run it with node alone).
export interface PostgresServer {
  url: string;
  dir: string;
  stop(): void;
}
export function postgresBinDir(): string | undefined;
export function startPostgres(dir?: string): Promise<PostgresServer>;
export function stopPostgres(dir: string): void;
export function urlOf(dir: string): string;
