// Provider Desk's own Heroku client, as the extension uses it for a ticket: a new client per listing, all sharing the
// process's one PageMemory (src/connection/herokuConnection.ts), then the ticket table (renderTicket). Bundled and
// minified like dist/extension.js.
import { createHerokuClient, PageMemory, type HerokuApp } from '../../src/heroku';
import { redactSecrets } from '../../src/model/redact';
import { renderTicket } from '../../src/tickets/render';
import { run } from './common';

const pages = new PageMemory();

run<HerokuApp>({
  list: ({ url, token }) => createHerokuClient({ baseUrl: url, token, userAgent: 'ProviderDesk/bench', redact: redactSecrets, pages }).listApps(),
  render: (apps) => renderTicket({ number: 1, scopeName: 'Production', providerName: 'Heroku', startedAt: Date.now(), apps }, Date.now()),
});
