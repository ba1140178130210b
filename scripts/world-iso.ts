// A Vite plugin (vite.config.ts): the ISO 3166 alpha-3 code of every country in the map data
// (world-atlas countries-110m), baked at build time. The map reads codes from this table of the
// map's own ids and never loads i18n-iso-countries (its tables of every code and name) in the page.
//
//   import { ISO3_OF } from 'virtual:world-iso';   // { "398": "KAZ", ... }
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { Plugin } from 'vite';

const ID = 'virtual:world-iso';

/** world-atlas id (ISO numeric, zero-padded) → alpha-3, for every country of the map that has one. */
export function worldIso(): Record<string, string> {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as { objects: { countries: { geometries: { id?: string }[] } } };
  const table: Record<string, string> = {};
  for (const { id } of topology.objects.countries.geometries) {
    const iso3 = id === undefined ? undefined : countries.numericToAlpha3(id);
    if (id !== undefined && iso3) table[id] = iso3;
  }
  return table;
}

export function worldIsoPlugin(): Plugin {
  return {
    name: 'crisis-lab-world-iso',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load: (id) => (id === `\0${ID}` ? `export const ISO3_OF = ${JSON.stringify(worldIso())};` : null),
  };
}
