// name: meetings
// description: Who met whom: each pair with evidence, documents, dates, the places visited and the sponsors in the same documents.
// family: meetings
// @param {"name": "actor", "type": "actor", "default": null, "example": "خالد حفتر", "description": "only meetings this actor took part in (id, name, alias or Latin name)"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.5, "description": "ignore meeting edges below this confidence"}
// @param {"name": "limit", "type": "int", "default": 50, "example": 20, "description": "at most this many rows"}
MATCH (a:Actor)-[m:MET_WITH]-(b:Actor)
WHERE a.id < b.id
  AND m.confidence >= $min_confidence
  AND coalesce(m.rejected, false) = false
  AND ($actor IS NULL OR a.id = $actor OR b.id = $actor)
OPTIONAL MATCH (x:Actor)-[v:VISITED]->(p:Actor)
WHERE (x = a OR x = b) AND any(d IN v.documents WHERE d IN m.documents)
WITH a, b, m, collect(DISTINCT p.name) AS places
OPTIONAL MATCH (s:Actor)-[md:MEDIATED]->(y:Actor)
WHERE (y = a OR y = b) AND any(d IN md.documents WHERE d IN m.documents)
WITH a, b, m, places, collect(DISTINCT s.name) AS sponsors
RETURN a.id AS a_id, a.name AS actor_a, b.id AS b_id, b.name AS actor_b,
       m.count AS evidence, m.doc_count AS documents, m.first_seen AS first_seen, m.last_seen AS last_seen,
       places, sponsors, m.confidence AS confidence, m.documents AS doc_ids
ORDER BY evidence DESC, documents DESC, actor_a, actor_b
LIMIT $limit
