// Provider Desk's own Heroku client, as the extension uses it for a ticket: a new client per listing, then the
// ticket table (renderTicket). Bundled and minified like dist/extension.js.
import { createHerokuClient, type HerokuApp } from '../../src/heroku';
import { redactSecrets } from '../../src/model/redact';
import { renderTicket } from '../../src/tickets/render';
import { run } from './common';

run<HerokuApp>({
  list: ({ url, token }) => createHerokuClient({ baseUrl: url, token, userAgent: 'ProviderDesk/bench', redact: redactSecrets }).listApps(),
  render: (apps) => renderTicket({ number: 1, scopeName: 'Production', providerName: 'Heroku', startedAt: Date.now(), apps }, Date.now()),
});
