// name: ego
// description: An actor's neighbourhood: every actor within `depth` steps, its distance, the relation types on the last step and the actors it is reached through.
// family: structure
// @param {"name": "actor", "type": "actor", "default": null, "example": "Khaled Haftar", "required": true, "description": "the centre (id, name, alias or Latin name)"}
// @param {"name": "depth", "type": "int", "default": 1, "example": 2, "min": 1, "max": 3, "description": "how many steps out (1 to 3)"}
// @param {"name": "families", "type": "list", "default": null, "example": ["meetings", "alliances"], "choices": ["meetings", "alliances", "rivalries", "structure"], "description": "only relationships of these report families; none = all"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.3, "min": 0, "max": 1, "description": "ignore relationships below this confidence"}
// @param {"name": "limit", "type": "int", "default": 100, "example": 50, "min": 0, "description": "at most this many rows"}
// Portable Cypher (FalkorDB and Neo4j 5). A variable-length bound cannot be a
// parameter in Cypher, so each depth is its own branch of the CALL { UNION ALL }
// with a fixed-length pattern (cheaper than building path values); a branch deeper than $depth is switched off by UNWIND over an
// empty list before it expands (FalkorDB would check a WHERE on $depth only after).
MATCH (c:Actor {id: $actor})
CALL {
  WITH c
  MATCH (c)-[r1]-(x:Actor)
  WHERE r1.confidence >= $min_confidence AND coalesce(r1.rejected, false) = false AND ($families IS NULL OR r1.family IN $families)
  RETURN x, 1 AS d, type(r1) AS rel, c AS prev
  UNION ALL
  WITH c
  UNWIND CASE WHEN $depth >= 2 THEN [true] ELSE [] END AS deeper
  MATCH (c)-[r1]-(m:Actor)-[r2]-(x:Actor)
  WHERE r1.confidence >= $min_confidence AND coalesce(r1.rejected, false) = false AND ($families IS NULL OR r1.family IN $families)
    AND r2.confidence >= $min_confidence AND coalesce(r2.rejected, false) = false AND ($families IS NULL OR r2.family IN $families)
  RETURN x, 2 AS d, type(r2) AS rel, m AS prev
  UNION ALL
  WITH c
  UNWIND CASE WHEN $depth >= 3 THEN [true] ELSE [] END AS deeper
  MATCH (c)-[r1]-(:Actor)-[r2]-(m:Actor)-[r3]-(x:Actor)
  WHERE r1.confidence >= $min_confidence AND coalesce(r1.rejected, false) = false AND ($families IS NULL OR r1.family IN $families)
    AND r2.confidence >= $min_confidence AND coalesce(r2.rejected, false) = false AND ($families IS NULL OR r2.family IN $families)
    AND r3.confidence >= $min_confidence AND coalesce(r3.rejected, false) = false AND ($families IS NULL OR r3.family IN $families)
  RETURN x, 3 AS d, type(r3) AS rel, m AS prev
}
WITH c, x, d, rel, prev
WHERE x <> c
WITH x, collect({d: d, rel: rel, prev: prev.id}) AS hops, min(d) AS distance
UNWIND hops AS h
WITH x, distance, h
WHERE h.d = distance
WITH x, distance, h
ORDER BY h.rel, h.prev
WITH x, distance, collect(DISTINCT h.rel) AS relations, collect(DISTINCT h.prev) AS via
RETURN x.id AS actor_id, x.name AS actor, x.type AS type, distance, relations,
       CASE WHEN distance = 1 THEN [] ELSE via END AS via
ORDER BY distance, actor_id
LIMIT $limit
