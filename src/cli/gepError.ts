// The refusal of `ecociv gep`, apart from the command itself: the command line knows it at start, while the command
// (and exceljs, which it needs) is loaded only when asked for.

/** A refusal of `ecociv gep`: usage (exit 2) or a workbook that cannot be accounted (exit 1). */
export class GepInputError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}
