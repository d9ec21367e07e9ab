// tiny-inflate's `inflate(source, dest)` done by node's zlib: what scripts/bundle.mjs gives
// unicode-trie instead of tiny-inflate (see LAZY there). Raw DEFLATE from `source` into `dest`;
// returns dest when the data fills it (what does not fit is dropped, as tiny-inflate drops it),
// else the part filled: a copy for a Uint8Array (its `slice`), a view for a Buffer (Buffer's).
// CommonJS, as the module it stands for: unicode-trie requires it and calls what it gets.
// tests/package/stand-ins.test.ts holds it to tiny-inflate's results.
const { inflateRawSync } = require('node:zlib');

module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  if (out.length >= dest.length) {
    dest.set(out.subarray(0, dest.length));
    return dest;
  }
  dest.set(out);
  return typeof dest.slice === 'function' ? dest.slice(0, out.length) : dest.subarray(0, out.length);
};
