// name: rivalries
// description: Pairs linked by OPPOSES or RIVAL_OF, with strength (evidence, documents), the latest date and the latest evidence sentence.
// family: rivalries
// @param {"name": "actor", "type": "actor", "default": null, "example": "الجيش الوطني الليبي", "description": "only rivalries of this actor (id, name, alias or Latin name); none = all"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.3, "min": 0, "max": 1, "description": "ignore relationships below this confidence"}
// @param {"name": "limit", "type": "int", "default": 50, "example": 20, "min": 0, "description": "at most this many rows"}
// Portable Cypher (FalkorDB and Neo4j 5). The latest sentence is looked up through the
// :Evidence nodes of the returned pairs only (after ORDER BY/LIMIT).
CALL {
  MATCH (a:Actor {id: $actor})-[r:OPPOSES|RIVAL_OF]-(b:Actor)
  RETURN a, b, r
  UNION ALL
  UNWIND CASE WHEN $actor IS NULL THEN [true] ELSE [] END AS whole_graph
  MATCH (a:Actor)-[r:OPPOSES|RIVAL_OF]-(b:Actor)
  WHERE a.id < b.id
  RETURN a, b, r
}
WITH a, b, r
WHERE r.confidence >= $min_confidence AND coalesce(r.rejected, false) = false
WITH a, b, r
ORDER BY type(r)
WITH a, b, collect(r) AS rs
WITH a, b, rs,
     reduce(n = 0, x IN rs | n + x.count) AS evidence,
     reduce(ds = [], x IN rs | ds + [d IN x.documents WHERE NOT d IN ds]) AS docs,
     reduce(ts = [], x IN rs | CASE WHEN type(x) IN ts THEN ts ELSE ts + [type(x)] END) AS types,
     reduce(t = '', x IN rs | CASE WHEN x.last_seen IS NOT NULL AND x.last_seen > t THEN x.last_seen ELSE t END) AS last_seen,
     [x IN rs | startNode(x).id + '|' + type(x) + '|' + endNode(x).id] AS keys
WITH a, b, types, evidence, size(docs) AS documents, last_seen, keys
ORDER BY evidence DESC, documents DESC, a.id, b.id
LIMIT $limit
UNWIND keys AS key
OPTIONAL MATCH (e:Evidence {key: key})
WHERE e.confidence >= $min_confidence AND coalesce(e.rejected, false) = false
WITH a, b, types, evidence, documents, last_seen, e
ORDER BY e.date DESC, e.doc_id DESC, e.sentence_id DESC
WITH a, b, types, evidence, documents, last_seen, collect(e)[0] AS latest
OPTIONAL MATCH (s:Sentence {id: latest.sentence_id})
RETURN a.id AS a_id, a.name AS actor_a, b.id AS b_id, b.name AS actor_b,
       types, evidence, documents, CASE WHEN last_seen = '' THEN null ELSE last_seen END AS last_seen,
       latest.doc_id AS latest_document, s.text AS latest_sentence
ORDER BY evidence DESC, documents DESC, a_id, b_id
