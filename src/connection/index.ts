// Connection: scope → bound, logged Heroku client. The one place the extension reaches the Heroku API client:
// - HerokuConnections.forScope turns a scope into a connection with its credential's token, after the host-binding
//   check (the token goes only to the Account ID its credential is bound to, or to a new one once the user agreed in
//   a modal that names it); forAccount does the same for a token that is not stored yet (the Heroku CLI import).
// - Every connection registers its token with the log's redactor first and logs each request.
// - The client gets the API origin parsed by the one Account ID parser (model/accountId.ts), never a raw Account ID.
// - The client's HerokuApiError becomes a HerokuRequestError, an ExpectedError (model/errors.ts): heroku/ imports
//   nothing of ours, so its errors join the extension's taxonomy here, at the boundary.
// May import model/, heroku/, store/ and common/. Used by tickets/, agents/ and import/.
export { HerokuConnections } from './connections';
export { HerokuConnection, HerokuRequestError } from './herokuConnection';
export { HostNotConfirmedError } from './connections';
