// The refusal of a plan document: already said in Chinese for the plan office, with the reason as a key
// (tooLarge, empty, notDocument, oldWord, encrypted, damaged, tooDeep, noTextLayer) for callers that act on it.

export type PlanDocumentReason = 'tooLarge' | 'empty' | 'notDocument' | 'oldWord' | 'encrypted' | 'damaged' | 'tooDeep' | 'noTextLayer';

export class PlanDocumentError extends Error {
  constructor(
    message: string,
    readonly reason: PlanDocumentReason,
  ) {
    super(message);
    this.name = 'PlanDocumentError';
  }
}
