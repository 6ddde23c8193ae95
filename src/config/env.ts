/** The only module that reads `process.env`. Everything else receives a typed `Config`. */
export type Environment = Record<string, string | undefined>;

export const readEnvironment = (): Environment => ({ ...process.env });
