// name: alliances
// description: Pairs linked by COOPERATES_WITH or SUPPORTS; strength from evidence and distinct documents, net of any rivalry evidence between them.
// family: alliances
// @param {"name": "actor", "type": "actor", "default": null, "example": "مصر", "description": "only alliances involving this actor"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.5, "description": "ignore edges below this confidence"}
// @param {"name": "limit", "type": "int", "default": 50, "example": 20, "description": "at most this many rows"}
MATCH (a:Actor)-[r:COOPERATES_WITH|SUPPORTS]-(b:Actor)
WHERE a.id < b.id
  AND r.confidence >= $min_confidence
  AND coalesce(r.rejected, false) = false
  AND ($actor IS NULL OR a.id = $actor OR b.id = $actor)
WITH a, b, collect(r) AS rs
WITH a, b, rs,
     reduce(n = 0, r IN rs | n + r.count) AS support,
     reduce(ds = [], r IN rs | ds + r.documents) AS all_docs
UNWIND all_docs AS doc
WITH a, b, rs, support, collect(DISTINCT doc) AS docs
OPTIONAL MATCH (a)-[x:OPPOSES|RIVAL_OF]-(b)
WHERE x.confidence >= $min_confidence AND coalesce(x.rejected, false) = false
WITH a, b, rs, support, docs, toInteger(sum(coalesce(x.count, 0))) AS rivalry
WHERE support > rivalry
RETURN a.id AS a_id, a.name AS actor_a, b.id AS b_id, b.name AS actor_b,
       [r IN rs | type(r)] AS types, support, rivalry, support - rivalry AS net,
       size(docs) AS documents
ORDER BY net DESC, documents DESC, actor_a, actor_b
LIMIT $limit
