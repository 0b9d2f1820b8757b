// name: meetings
// description: Who met whom: each pair with evidence count, documents, first and last date, the places either visited and the sponsors who mediated for either in the same documents.
// family: meetings
// @param {"name": "actor", "type": "actor", "default": null, "example": "Michael Langley", "description": "only meetings this actor took part in (id, name, alias or Latin name); none = all"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.3, "min": 0, "max": 1, "description": "ignore relationships below this confidence"}
// @param {"name": "limit", "type": "int", "default": 50, "example": 20, "min": 0, "description": "at most this many rows"}
// Portable Cypher (FalkorDB and Neo4j 5). Places and sponsors are read with pattern
// comprehensions from the two participants only, after ORDER BY/LIMIT, so their cost
// is bounded by the rows returned. Every comprehension has its own variable names:
// FalkorDB returns [] for a second comprehension that reuses the first one's names.
CALL {
  MATCH (a:Actor {id: $actor})-[m:MET_WITH]-(b:Actor)
  RETURN a, b, m
  UNION ALL
  UNWIND CASE WHEN $actor IS NULL THEN [true] ELSE [] END AS whole_graph
  MATCH (a:Actor)-[m:MET_WITH]-(b:Actor)
  WHERE a.id < b.id
  RETURN a, b, m
}
WITH a, b, m
WHERE m.confidence >= $min_confidence AND coalesce(m.rejected, false) = false
WITH a, b, m
ORDER BY m.count DESC, m.doc_count DESC, a.id, b.id
LIMIT $limit
WITH a, b, m,
     [(a)-[va:VISITED]->(pa:Actor) WHERE va.confidence >= $min_confidence AND coalesce(va.rejected, false) = false
        AND any(d IN va.documents WHERE d IN m.documents) | pa.name]
     + [(b)-[vb:VISITED]->(pb:Actor) WHERE vb.confidence >= $min_confidence AND coalesce(vb.rejected, false) = false
        AND any(d IN vb.documents WHERE d IN m.documents) | pb.name] AS visited,
     [(sa:Actor)-[ma:MEDIATED]->(a) WHERE ma.confidence >= $min_confidence AND coalesce(ma.rejected, false) = false
        AND any(d IN ma.documents WHERE d IN m.documents) | sa.name]
     + [(sb:Actor)-[mb:MEDIATED]->(b) WHERE mb.confidence >= $min_confidence AND coalesce(mb.rejected, false) = false
        AND any(d IN mb.documents WHERE d IN m.documents) | sb.name] AS mediators
RETURN a.id AS a_id, a.name AS actor_a, b.id AS b_id, b.name AS actor_b,
       m.count AS evidence, m.doc_count AS documents, m.first_seen AS first_seen, m.last_seen AS last_seen,
       reduce(ps = [], p IN visited | CASE WHEN p IN ps THEN ps ELSE ps + [p] END) AS places,
       reduce(ss = [], s IN mediators | CASE WHEN s IN ss THEN ss ELSE ss + [s] END) AS sponsors,
       m.confidence AS confidence, m.documents AS doc_ids
ORDER BY evidence DESC, documents DESC, a_id, b_id
