// name: path
// description: The shortest connections between two actors (up to 3 steps here, 6 on Neo4j), with the relation types and their direction on the way.
// family: structure
// @param {"name": "source", "type": "actor", "default": null, "example": "خالد حفتر", "required": true, "description": "where the path starts (id, name, alias or Latin name)"}
// @param {"name": "target", "type": "actor", "default": null, "example": "Michael Langley", "required": true, "description": "where the path ends (id, name, alias or Latin name)"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.3, "min": 0, "max": 1, "description": "only use relationships at or above this confidence"}
// @param {"name": "limit", "type": "int", "default": 10, "example": 5, "min": 0, "description": "at most this many paths"}
// Portable Cypher (runs on FalkorDB and Neo4j 5): fixed-length patterns of 1, 2 and
// 3 steps with both ends bound, each branch switched on only when no shorter
// admissible path exists, so the filter (confidence, rejected) holds on every step
// and the answer is exactly the shortest admissible paths of up to 3 steps.
// Why not shortestPath(): FalkorDB accepts it only in WITH/RETURN and only for
// directed traversals, and its allShortestPaths() cannot filter relationships while
// searching and enumerates every shortest path (through hub actors, millions: it ran
// for minutes on the 1M-relationship benchmark graph). Neo4j runs path.neo4j.cypher
// instead, which uses shortestPath search up to 6 steps with the same filter.
MATCH (a:Actor {id: $source}), (b:Actor {id: $target})
WHERE a.id <> b.id
CALL {
  WITH a, b
  MATCH p = (a)-[r]-(b)
  WHERE r.confidence >= $min_confidence AND coalesce(r.rejected, false) = false
  RETURN p
  UNION ALL
  WITH a, b
  WITH a, b, size([(a)-[d1]-(b) WHERE d1.confidence >= $min_confidence AND coalesce(d1.rejected, false) = false | 1]) AS shorter
  UNWIND CASE WHEN shorter = 0 THEN [true] ELSE [] END AS deeper
  MATCH p = (a)-[r1]-(m:Actor)-[r2]-(b)
  WHERE m <> a AND m <> b AND r1.confidence >= $min_confidence AND coalesce(r1.rejected, false) = false AND r2.confidence >= $min_confidence AND coalesce(r2.rejected, false) = false
  RETURN p
  UNION ALL
  WITH a, b
  WITH a, b, size([(a)-[e1]-(b) WHERE e1.confidence >= $min_confidence AND coalesce(e1.rejected, false) = false | 1])
             + size([(a)-[f1]-(:Actor)-[f2]-(b) WHERE f1.confidence >= $min_confidence AND coalesce(f1.rejected, false) = false
                     AND f2.confidence >= $min_confidence AND coalesce(f2.rejected, false) = false | 1]) AS shorter
  UNWIND CASE WHEN shorter = 0 THEN [true] ELSE [] END AS deeper
  MATCH p = (a)-[r1]-(m1:Actor)-[r2]-(m2:Actor)-[r3]-(b)
  WHERE m1 <> b AND m2 <> a AND m1 <> m2
    AND r1.confidence >= $min_confidence AND coalesce(r1.rejected, false) = false AND r2.confidence >= $min_confidence AND coalesce(r2.rejected, false) = false AND r3.confidence >= $min_confidence AND coalesce(r3.rejected, false) = false
  RETURN p
}
WITH p
RETURN length(p) AS hops,
       [n IN nodes(p) | n.name] AS actors,
       [r IN relationships(p) | type(r)] AS relations,
       reduce(s = head(nodes(p)).name, i IN range(0, length(p) - 1) |
         s + CASE WHEN type(relationships(p)[i]) IN ['MET_WITH', 'COOPERATES_WITH', 'RIVAL_OF', 'RELATIVE_OF'] THEN ' -[' + type(relationships(p)[i]) + ']- '
                  WHEN startNode(relationships(p)[i]).id = nodes(p)[i].id THEN ' -[' + type(relationships(p)[i]) + ']-> '
                  ELSE ' <-[' + type(relationships(p)[i]) + ']- ' END + nodes(p)[i + 1].name) AS path,
       [n IN nodes(p) | n.id] AS actor_ids
ORDER BY hops, path
LIMIT $limit
