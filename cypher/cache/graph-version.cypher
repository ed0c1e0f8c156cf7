// The graph's version as one text (epoch:version), or null when the database has none (emptied by hand).
OPTIONAL MATCH (v:GraphVersion {key: 'graph'})
RETURN v.epoch + ':' + toString(v.version) AS version
