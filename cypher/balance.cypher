// name: balance
// description: Triads that break structural balance: A allied with B, B allied with C, yet A a rival of C (alliance = COOPERATES_WITH or SUPPORTS, rivalry = OPPOSES or RIVAL_OF, any direction).
// family: rivalries
// @param {"name": "actor", "type": "actor", "default": null, "example": "الجيش الوطني الليبي", "description": "only triads this actor is part of, in any position; none = the whole graph"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.3, "min": 0, "max": 1, "description": "ignore relationships below this confidence"}
// @param {"name": "limit", "type": "int", "default": 50, "example": 20, "min": 0, "description": "at most this many rows"}
// Portable Cypher (FalkorDB and Neo4j 5). Each triad is reported once, with A.id < C.id;
// the branches start from the actor's index entry in each of the three positions,
// or, graph-wide, from every rivalry.
CALL {
  MATCH (a:Actor {id: $actor})-[x:OPPOSES|RIVAL_OF]-(c:Actor)
  WHERE a.id < c.id AND x.confidence >= $min_confidence AND coalesce(x.rejected, false) = false
  MATCH (a)-[r1:COOPERATES_WITH|SUPPORTS]-(b:Actor)-[r2:COOPERATES_WITH|SUPPORTS]-(c)
  WHERE r1.confidence >= $min_confidence AND coalesce(r1.rejected, false) = false
    AND r2.confidence >= $min_confidence AND coalesce(r2.rejected, false) = false
  RETURN a, b, c
  UNION ALL
  MATCH (c:Actor {id: $actor})-[x:OPPOSES|RIVAL_OF]-(a:Actor)
  WHERE a.id < c.id AND x.confidence >= $min_confidence AND coalesce(x.rejected, false) = false
  MATCH (a)-[r1:COOPERATES_WITH|SUPPORTS]-(b:Actor)-[r2:COOPERATES_WITH|SUPPORTS]-(c)
  WHERE r1.confidence >= $min_confidence AND coalesce(r1.rejected, false) = false
    AND r2.confidence >= $min_confidence AND coalesce(r2.rejected, false) = false
  RETURN a, b, c
  UNION ALL
  MATCH (a:Actor)-[r1:COOPERATES_WITH|SUPPORTS]-(b:Actor {id: $actor})-[r2:COOPERATES_WITH|SUPPORTS]-(c:Actor)
  WHERE a.id < c.id
    AND r1.confidence >= $min_confidence AND coalesce(r1.rejected, false) = false
    AND r2.confidence >= $min_confidence AND coalesce(r2.rejected, false) = false
  MATCH (a)-[x:OPPOSES|RIVAL_OF]-(c)
  WHERE x.confidence >= $min_confidence AND coalesce(x.rejected, false) = false
  RETURN a, b, c
  UNION ALL
  UNWIND CASE WHEN $actor IS NULL THEN [true] ELSE [] END AS whole_graph
  MATCH (a:Actor)-[x:OPPOSES|RIVAL_OF]-(c:Actor)
  WHERE a.id < c.id AND x.confidence >= $min_confidence AND coalesce(x.rejected, false) = false
  MATCH (a)-[r1:COOPERATES_WITH|SUPPORTS]-(b:Actor)-[r2:COOPERATES_WITH|SUPPORTS]-(c)
  WHERE r1.confidence >= $min_confidence AND coalesce(r1.rejected, false) = false
    AND r2.confidence >= $min_confidence AND coalesce(r2.rejected, false) = false
  RETURN a, b, c
}
WITH DISTINCT a, b, c
ORDER BY a.id, b.id, c.id
LIMIT $limit
WITH a, b, c,
     [(a)-[ab:COOPERATES_WITH|SUPPORTS]-(b) WHERE ab.confidence >= $min_confidence AND coalesce(ab.rejected, false) = false | type(ab)] AS ab_types,
     [(b)-[bc:COOPERATES_WITH|SUPPORTS]-(c) WHERE bc.confidence >= $min_confidence AND coalesce(bc.rejected, false) = false | type(bc)] AS bc_types,
     [(a)-[ac:OPPOSES|RIVAL_OF]-(c) WHERE ac.confidence >= $min_confidence AND coalesce(ac.rejected, false) = false | type(ac)] AS ac_types
RETURN a.id AS a_id, a.name AS actor_a, b.id AS b_id, b.name AS ally_b, c.id AS c_id, c.name AS actor_c,
       reduce(ts = [], t IN ab_types | CASE WHEN t IN ts THEN ts ELSE ts + [t] END) AS a_b,
       reduce(ts = [], t IN bc_types | CASE WHEN t IN ts THEN ts ELSE ts + [t] END) AS b_c,
       reduce(ts = [], t IN ac_types | CASE WHEN t IN ts THEN ts ELSE ts + [t] END) AS a_c
ORDER BY a_id, b_id, c_id
