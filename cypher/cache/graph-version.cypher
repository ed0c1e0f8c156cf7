// The graph's version as one text (epoch:version), or null before anything was written through this server.
OPTIONAL MATCH (v:GraphVersion {key: 'graph'})
RETURN v.epoch + ':' + toString(v.version) AS version
