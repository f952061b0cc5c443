// Every command id of the extension in one place, so registering, running and pointing at a command (status bar,
// chat buttons, form buttons) cannot drift from package.json: test/unit/manifest.test.ts checks `commandIds` against
// `contributes.commands` in both directions.

/** The commands package.json contributes. */
export const commandIds = {
  addProvider: 'providerDesk.addProvider',
  editProvider: 'providerDesk.editProvider',
  deleteProvider: 'providerDesk.deleteProvider',
  addCredential: 'providerDesk.addCredential',
  editCredential: 'providerDesk.editCredential',
  deleteCredential: 'providerDesk.deleteCredential',
  addScope: 'providerDesk.addScope',
  editScope: 'providerDesk.editScope',
  deleteScope: 'providerDesk.deleteScope',
  rename: 'providerDesk.rename',
  refresh: 'providerDesk.refresh',
  verifyConnection: 'providerDesk.verifyConnection',
  newTicket: 'providerDesk.newTicket',
  listDynos: 'providerDesk.listDynos',
  showAccount: 'providerDesk.showAccount',
  ticketHistory: 'providerDesk.ticketHistory',
  selectActiveScope: 'providerDesk.selectActiveScope',
  importHerokuToken: 'providerDesk.importHerokuToken',
  cleanUpSecrets: 'providerDesk.cleanUpSecrets',
  askAboutScope: 'providerDesk.askAboutScope',
} as const;

/** Commands registered but not contributed: only a button of ours runs them, so they stay out of the palette. */
export const internalCommandIds = {
  /** The chat answer's button that brings back the output panel the ticket went to. */
  showTicketOutput: 'providerDesk.chat.showTicketOutput',
} as const;

export type CommandId = (typeof commandIds)[keyof typeof commandIds] | (typeof internalCommandIds)[keyof typeof internalCommandIds];
