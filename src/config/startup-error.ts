/** A start-up failure already explained to the operator in one line: printed without a stack, exit 1. */
export class StartupError extends Error {}
