// name: evidence
// description: Every sentence, document and date supporting the relationships between two actors, oldest first.
// family: evidence
// @param {"name": "source", "type": "actor", "default": null, "example": "خالد حفتر", "required": true, "description": "one actor (id, name, alias or Latin name)"}
// @param {"name": "target", "type": "actor", "default": null, "example": "الجيش الوطني الليبي", "required": true, "description": "the other actor; direction does not matter"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.3, "min": 0, "max": 1, "description": "ignore relationships and evidence below this confidence"}
// @param {"name": "limit", "type": "int", "default": 200, "example": 50, "min": 0, "description": "at most this many rows"}
// Portable Cypher (FalkorDB and Neo4j 5). Each relationship's :Evidence nodes are
// found by their indexed key "subject|TYPE|object" (the loader's canonical order),
// built from the relationship itself, so evidence of a rejected relationship never shows.
// The two directions are matched separately with both ends bound: FalkorDB then checks
// the pair directly, where an undirected pattern walked every edge of the first actor
// (8,500 for a hub: 180 ms instead of 8 ms).
MATCH (a:Actor {id: $source}), (b:Actor {id: $target})
CALL {
  WITH a, b
  MATCH (a)-[r]->(b)
  RETURN r
  UNION ALL
  WITH a, b
  MATCH (b)-[r]->(a)
  RETURN r
}
WITH r
WHERE r.confidence >= $min_confidence AND coalesce(r.rejected, false) = false
WITH r, startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS key
MATCH (e:Evidence {key: key})
WHERE e.confidence >= $min_confidence AND coalesce(e.rejected, false) = false
OPTIONAL MATCH (s:Sentence {id: e.sentence_id})
OPTIONAL MATCH (d:Document {id: e.doc_id})
RETURN coalesce(e.date, d.date) AS date, type(r) AS relation,
       startNode(r).name AS subject, endNode(r).name AS object,
       e.doc_id AS document, d.title AS title, d.url AS url,
       e.sentence_id AS sentence_id, s.text AS sentence,
       e.confidence AS confidence, coalesce(e.hedged, false) AS hedged, e.cue AS cue
ORDER BY date, document, sentence_id, relation
LIMIT $limit
