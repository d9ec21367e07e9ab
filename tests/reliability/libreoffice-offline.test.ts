/**
 * LibreOffice converts .odt/.doc drafts without touching the network: a draft linking an image,
 * a section and a hyperlink on a local HTTP server converts, and the server receives no request;
 * both with the network namespace (where the system allows one) and with the profile's offline
 * settings alone (SPEECHDOC_NO_UNSHARE=1). Before, LibreOffice fetched the image twice.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { strToU8, zipSync } from 'fflate';
import { convertToDocx, findSoffice } from '../../src/parse/docx/soffice.ts';

const hits: string[] = [];
const server = createServer((req, res) => {
  hits.push(req.url ?? '');
  res.writeHead(200, { 'content-type': 'image/png' });
  res.end();
});
const listening = new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
after(() => server.close());

function linkingOdt(url: string): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2">
<office:body><office:text>
<text:p>在会议上的讲话</text:p>
<text:p><draw:frame draw:name="i" svg:width="2cm" svg:height="2cm"><draw:image xlink:href="${url}/image.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>
<text:section text:name="s"><text:section-source xlink:href="${url}/section.odt" xlink:type="simple"/></text:section>
<text:p><text:a xlink:href="${url}/link">链接</text:a></text:p>
</office:text></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8(content), 'META-INF/manifest.xml': strToU8(manifest) });
}

for (const mode of ['network namespace and settings', 'offline settings alone'] as const) {
  test(`a draft linking remote content converts with no request sent (${mode})`, async (t) => {
    const soffice = findSoffice();
    if (!soffice) return t.skip('no LibreOffice');
    const port = await listening;
    hits.length = 0;
    if (mode === 'offline settings alone') process.env.SPEECHDOC_NO_UNSHARE = '1';
    try {
      const r = await convertToDocx(linkingOdt(`http://127.0.0.1:${port}`), 'odt', soffice);
      assert.ok(r.ok, r.ok ? '' : r.reason);
      // LibreOffice would have fetched while loading; give a late request time to arrive anyway.
      await new Promise((res) => setTimeout(res, 300));
      assert.deepEqual(hits, [], 'requests reached the server');
    } finally {
      delete process.env.SPEECHDOC_NO_UNSHARE;
    }
  });
}
