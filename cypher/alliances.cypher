// name: alliances
// description: Pairs linked by COOPERATES_WITH or SUPPORTS; strength from evidence and distinct documents, net of any rivalry evidence between the same pair.
// family: alliances
// @param {"name": "actor", "type": "actor", "default": null, "example": "الجيش الوطني الليبي", "description": "only alliances of this actor (id, name, alias or Latin name); none = the whole graph"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.3, "min": 0, "max": 1, "description": "ignore relationships below this confidence"}
// @param {"name": "limit", "type": "int", "default": 50, "example": 20, "min": 0, "description": "at most this many rows"}
// Portable Cypher (FalkorDB and Neo4j 5). The CALL { ... UNION ALL ... } picks one
// of two branches by whether $actor is set, so a focused question starts from the
// actor's index entry instead of scanning every alliance in the graph. The
// graph-wide branch is gated by UNWIND over an empty list when $actor is set:
// FalkorDB checks a WHERE on a parameter only after the scan, which cost seconds.
CALL {
  MATCH (a:Actor {id: $actor})-[r:COOPERATES_WITH|SUPPORTS]-(b:Actor)
  RETURN a, b, r
  UNION ALL
  UNWIND CASE WHEN $actor IS NULL THEN [true] ELSE [] END AS whole_graph
  MATCH (a:Actor)-[r:COOPERATES_WITH|SUPPORTS]-(b:Actor)
  WHERE a.id < b.id
  RETURN a, b, r
}
WITH a, b, r
WHERE r.confidence >= $min_confidence AND coalesce(r.rejected, false) = false
WITH a, b, r
ORDER BY type(r)
WITH a, b, collect(r) AS rs
WITH a, b, rs,
     reduce(n = 0, x IN rs | n + x.count) AS support,
     reduce(ds = [], x IN rs | ds + [d IN x.documents WHERE NOT d IN ds]) AS docs,
     reduce(ts = [], x IN rs | CASE WHEN type(x) IN ts THEN ts ELSE ts + [type(x)] END) AS types
WITH a, b, support, docs, types,
     reduce(n = 0, c IN [(a)-[o:OPPOSES|RIVAL_OF]-(b) WHERE o.confidence >= $min_confidence AND coalesce(o.rejected, false) = false | o.count] | n + c) AS rivalry
WHERE support > rivalry
RETURN a.id AS a_id, a.name AS actor_a, b.id AS b_id, b.name AS actor_b,
       types, support, rivalry, support - rivalry AS net, size(docs) AS documents
ORDER BY net DESC, documents DESC, a_id, b_id
LIMIT $limit
