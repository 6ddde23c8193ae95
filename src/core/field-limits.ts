/**
 * Upper bounds on identifiers that clients send and Sluice logs, so that a megabyte-long "model"
 * is a 400 rather than a log row. Real model ids are under 100 characters; tool names under 128.
 */
export const maxModelNameLength = 256;
export const maxToolNameLength = 256;
