// Drives the published akismet-api client (as a site running Node would) against a Gazette server.
// Usage: node akismet-client-check.js http://127.0.0.1:PORT KEY
// The client puts the key in the host name (KEY.HOST). In production a wildcard DNS record resolves it; on
// loopback this script stands in for that record by resolving *.localhost to the loopback address.
const dns = require('dns');
const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  return lookup.call(dns, hostname.endsWith('.localhost') ? 'localhost' : hostname, options, callback);
};
const { AkismetClient } = require('akismet-api');

async function main() {
  const [base, key] = process.argv.slice(2);
  const port = new URL(base).port;
  const options = { key, blog: 'https://client.example', host: `localhost:${port}`, protocol: 'http' };
  const client = new AkismetClient(options);
  const wrong = new AkismetClient({ ...options, key: 'notarealkey123' });
  const reader = {
    ip: '198.51.100.7', useragent: 'Mozilla/5.0', name: 'Lee Reader', email: 'lee@client.example',
    content: 'Thank you for covering the council meeting so carefully.', type: 'comment',
  };
  const result = {
    validKey: await client.verifyKey(),
    invalidKey: await wrong.verifyKey(),
    testSpam: await client.checkSpam({ ...reader, name: 'viagra-test-123' }),
    guaranteedSpam: await client.checkSpam({ ...reader, email: 'akismet-guaranteed-spam@example.com' }),
    administrator: await client.checkSpam({ ...reader, name: 'viagra-test-123', role: 'administrator' }),
    ham: await client.checkSpam(reader),
  };
  await client.submitSpam({ ...reader, content: 'Cheap pills, best prices, click http://pills.example now' });
  await client.submitHam(reader);
  result.feedback = 'sent';
  console.log(JSON.stringify(result));
}

main().catch(err => { console.error(err.message); process.exit(1); });
