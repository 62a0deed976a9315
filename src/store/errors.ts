// Errors the store raises that the server and the command line answer alike (kept apart so that the
// store's modules can share them without importing one another).

/** A record (plan, report, item, notice, user) that does not exist: 404 on the server. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
