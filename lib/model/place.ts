/** A place reference made concrete: a name an analyst reads and a point the map can draw. */
export type Place = {
  name: string;
  /** Set when the place is a layer feature. */
  layer?: string;
  feature?: string;
  /** Where the event's marker sits: the point itself, or a point inside the feature's area. */
  point: [lon: number, lat: number];
  note?: string;
};
