// What the map scene computes with (d3-geo, topojson, the baked ISO codes), as one module the scene
// imports once its world data is on the way: the first frame draws no map, so none of it need be
// fetched and compiled before it.
export { fitProjection, hatchSegments, projectWorld, readWorld, ringContains } from './geo';
export { schematicCountries } from './schematic';
