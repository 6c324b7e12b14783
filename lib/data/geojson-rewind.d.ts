declare module "@mapbox/geojson-rewind" {
  /** Rewinds polygon rings in place: exterior counter-clockwise (RFC 7946) unless `clockwise` is true. */
  export default function rewind<T>(geojson: T, clockwise?: boolean): T;
}
