import { strict as assert } from 'node:assert';
import { isHerokuHost, isLoopbackHost, parseAccountId } from '../../src/model/accountId';
import { problemText } from '../../src/model/problemTexts';

function accepted(input: string) {
  const result = parseAccountId(input);
  assert.ok(result.ok, `expected ${JSON.stringify(input)} to be accepted, got ${result.ok ? '' : result.problem.code}`);
  return result;
}

function refused(input: unknown, pattern: RegExp): string {
  const result = parseAccountId(input);
  assert.ok(!result.ok, `expected ${JSON.stringify(input)} to be refused`);
  const message = problemText(result.problem);
  assert.match(message, pattern);
  return message;
}

describe('parseAccountId', () => {
  describe('accepts', () => {
    for (const input of ['api.heroku.com', 'https://api.heroku.com', 'https://api.heroku.com/', '  api.heroku.com  ', 'HTTPS://API.Heroku.COM', 'https://api.heroku.com:443']) {
      it(`${JSON.stringify(input)} as https://api.heroku.com`, () => {
        assert.deepEqual(accepted(input), { ok: true, baseUrl: 'https://api.heroku.com', host: 'api.heroku.com', scheme: 'https', loopback: false, display: 'api.heroku.com' });
      });
    }

    it('http://127.0.0.1:PORT, http://localhost:PORT and http://[::1]:PORT (loopback, for local mocks)', () => {
      assert.deepEqual(accepted('http://127.0.0.1:5000'),
        { ok: true, baseUrl: 'http://127.0.0.1:5000', host: '127.0.0.1', port: 5000, scheme: 'http', loopback: true, display: 'http://127.0.0.1:5000' });
      assert.equal(accepted('http://localhost:8080').baseUrl, 'http://localhost:8080');
      assert.equal(accepted('http://[::1]:3000').baseUrl, 'http://[::1]:3000');
      assert.equal(accepted('http://[0:0:0:0:0:0:0:1]:3000/').baseUrl, 'http://[::1]:3000');
      assert.equal(accepted('http://127.12.0.9:1').host, '127.12.0.9');
    });

    it('https with a port, keeping it in the display form', () => {
      const result = accepted('https://example.com:8443/');
      assert.equal(result.baseUrl, 'https://example.com:8443');
      assert.equal(result.display, 'example.com:8443');
      assert.equal(accepted('example.com:8443').baseUrl, 'https://example.com:8443');
    });

    it('its own display form, giving the same base URL', () => {
      for (const input of ['api.heroku.com', 'http://127.0.0.1:5000', 'https://example.com:8443', 'http://[::1]:3000', 'https://[2001:db8::1]']) {
        const first = accepted(input);
        assert.equal(accepted(first.display).baseUrl, first.baseUrl, input);
      }
    });
  });

  describe('refuses with a specific message', () => {
    it('http:// to a non-loopback host', () => {
      refused('http://api.heroku.com', /only allowed for a loopback host/);
      refused('http://10.0.0.1:8080', /only allowed for a loopback host/);
      refused('http://localhost.evil.com', /only allowed for a loopback host/);
      refused('http://[::ffff:7f00:1]', /only allowed for a loopback host/);
    });

    it('other schemes', () => {
      refused('ftp://api.heroku.com', /Only https:\/\//);
      refused('https:api.heroku.com', /as a host name or as https:\/\/host/);
      refused('https:/api.heroku.com', /as a host name or as https:\/\/host/);
    });

    it('credentials in the URL, without repeating them', () => {
      const message = refused('https://user:hunter2secret@api.heroku.com', /user name and password/);
      assert.ok(!message.includes('hunter2secret'));
      refused('token@api.heroku.com', /user name and password/);
    });

    it('paths, queries and fragments', () => {
      refused('https://api.heroku.com/apps', /must not contain a path/);
      refused('api.heroku.com//', /must not contain a path/);
      refused('https://api.heroku.com\\apps', /must not contain a path/);
      refused('https://api.heroku.com?token=x', /must not contain a query/);
      refused('https://api.heroku.com/?', /must not contain a query/);
      refused('https://api.heroku.com#top', /must not contain a fragment/);
    });

    it('spaces, control characters, empty and non-string input', () => {
      refused('api heroku.com', /must not contain spaces/);
      refused('https://api.heroku.com /x', /must not contain spaces/);
      refused('api.heroku\u0000.com', /control characters/);
      refused('', /Enter an Account ID/);
      refused('   ', /Enter an Account ID/);
      refused(undefined, /Enter an Account ID/);
      refused('https://', /Enter a host name/);
    });

    it('over-long hosts and input', () => {
      const label = 'a'.repeat(63);
      const host254 = [label, label, label, 'a'.repeat(61)].join('.');
      assert.equal(host254.length, 253);
      accepted(host254);
      refused(`${host254}a`, /too long \(more than 253 characters\)/);
      refused(`${'a'.repeat(64)}.com`, /at most 63 characters/);
      refused(`https://${'a'.repeat(3000)}.com`, /too long/);
    });

    it('invalid host names and addresses', () => {
      refused('exa_mple.com', /host name is not valid/);
      refused('-api.heroku.com', /host name is not valid/);
      refused('api-.heroku.com', /host name is not valid/);
      refused('api..heroku.com', /empty part/);
      refused('.heroku.com', /empty part/);
      refused('api.heroku.com.', /must not end with a dot/);
      refused('127.1', /IPv4 address is not valid/);
      refused('256.0.0.1', /IPv4 address is not valid/);
      refused('http://127.000.0.1:80', /IPv4 address is not valid/);
      refused('http://[::1', /closing "\]"/);
      refused('http://[zz::1]:80', /IPv6 address is not valid/);
      refused('http://[::1]x', /Only a port/);
      refused('::1', /IPv6 address in brackets/);
    });

    it('ports out of range or empty', () => {
      refused('localhost:0', /port must be a number from 1 to 65535/);
      refused('localhost:65536', /port must be a number from 1 to 65535/);
      refused('localhost:80a', /port must be a number/);
      refused('api.heroku.com:abc', /port must be a number/);
      refused('localhost:http', /as a host name or as https:\/\/host/);
      refused('api.heroku.com:', /Enter a port number/);
    });

    it('IDN, punycode and non-ASCII look-alikes', () => {
      refused('\u0430pi.heroku.com', /non-ASCII/); // Cyrillic а
      refused('https://api.her\u043Eku.com', /non-ASCII/); // Cyrillic о
      refused('api.\u00A0heroku.com', /spaces/); // no-break space
      refused('xn--pi-7ld.heroku.com', /punycode/);
      refused('https://api.xn--hroku-csa.com', /punycode/);
      refused('ａpi.heroku.com', /non-ASCII/); // full-width a
    });
  });
});

describe('hosts', () => {
  it('recognises loopback hosts', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.255.255.254', '[::1]', '::1']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['128.0.0.1', 'localhost.com', 'api.heroku.com', '[::2]', '1.2.3.4']) assert.ok(!isLoopbackHost(host), host);
  });

  it('recognises the Heroku API host', () => {
    assert.ok(isHerokuHost('api.heroku.com'));
    assert.ok(isHerokuHost('API.HEROKU.COM'));
    assert.ok(!isHerokuHost('heroku.com'));
    assert.ok(!isHerokuHost('api.heroku.com.evil.com'));
  });
});
