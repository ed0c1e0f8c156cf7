// A database written before the graph had a version gets one at start, so its answers can be cached
// from the first request rather than only after the next write. Nothing changes where it exists.
MERGE (v:GraphVersion {key: 'graph'})
  ON CREATE SET v.epoch = randomUUID(), v.version = 0;
