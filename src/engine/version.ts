// The engine's version, written into every outcome log. A log made by another version is read
// and named, never silently replayed with different rules. Keep equal to package.json's version.
export const ENGINE_VERSION = '0.4.0';
