// name: timeline
// description: An actor's relations in document-date order: one row per supporting sentence, with the other actor, the relation and its direction.
// family: evidence
// @param {"name": "actor", "type": "actor", "default": null, "example": "خليفة حفتر", "required": true, "description": "the actor (id, name, alias or Latin name)"}
// @param {"name": "since", "type": "date", "default": null, "example": "2024-01-01", "description": "only evidence dated on or after this day; none = all (undated evidence is kept only when this is not set)"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.3, "min": 0, "max": 1, "description": "ignore relationships and evidence below this confidence"}
// @param {"name": "limit", "type": "int", "default": 200, "example": 50, "min": 0, "description": "at most this many rows"}
// Portable Cypher (FalkorDB and Neo4j 5). Dates are ISO strings, so string order is
// date order; rows without a date come last.
MATCH (a:Actor {id: $actor})-[r]-(b:Actor)
WHERE r.confidence >= $min_confidence AND coalesce(r.rejected, false) = false
WITH a, b, r, startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS key
MATCH (e:Evidence {key: key})
WHERE e.confidence >= $min_confidence AND coalesce(e.rejected, false) = false
  AND ($since IS NULL OR e.date >= $since)
OPTIONAL MATCH (d:Document {id: e.doc_id})
OPTIONAL MATCH (s:Sentence {id: e.sentence_id})
RETURN coalesce(e.date, d.date) AS date, type(r) AS relation,
       CASE WHEN type(r) IN ['MET_WITH', 'COOPERATES_WITH', 'RIVAL_OF', 'RELATIVE_OF'] THEN 'with'
            WHEN startNode(r) = a THEN 'to' ELSE 'from' END AS direction,
       b.id AS other_id, b.name AS other, e.doc_id AS document, d.title AS title,
       e.sentence_id AS sentence_id, s.text AS sentence, e.confidence AS confidence
ORDER BY date, document, sentence_id, relation, other_id
LIMIT $limit
