// The linear-time regular expression engine for patterns that users write (profiles in a project file or in
// settings): re2js, RE2 in plain JavaScript. Built as a bundle of its own, dist/re2.js, and loaded only when a
// user profile exists (profiles/patterns.ts), so that the bundles loaded in ordinary use stay small.
export { RE2JS } from 're2js';
