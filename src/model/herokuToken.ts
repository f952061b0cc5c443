/** The credential field that holds the Heroku API token: tickets read it, the Heroku CLI import writes it. */
export const tokenFieldKey = 'apitoken';
