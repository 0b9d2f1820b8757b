// name: brokers
// description: Actors whose neighbours are not connected to each other: open_pairs counts pairs of neighbours with no direct relationship, which the actor alone links.
// family: structure
// @param {"name": "actor", "type": "actor", "default": null, "example": "الجيش الوطني الليبي", "description": "score only this actor (how many of its neighbour pairs it alone links); none = the whole graph"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.3, "min": 0, "max": 1, "description": "ignore relationships below this confidence"}
// @param {"name": "candidates", "type": "int", "default": 500, "example": 100, "min": 1, "description": "graph-wide: score only this many actors (highest betweenness if `actorgraph analyze` wrote it, else most neighbours)"}
// @param {"name": "max_neighbours", "type": "int", "default": 300, "example": 300, "min": 2, "description": "actors with more neighbours than this (hubs) are not scored: their neighbour pairs grow with the square of the count; `actorgraph analyze` betweenness covers them"}
// @param {"name": "limit", "type": "int", "default": 25, "example": 10, "min": 0, "description": "at most this many rows"}
// Portable Cypher (FalkorDB and Neo4j 5). From structure alone: for each candidate,
// its distinct neighbours and how many neighbour pairs are themselves linked;
// brokerage = open pairs / all pairs (Burt's structural holes, simplified). The
// `betweenness` actor property is used for ranking only when present. Counting linked
// neighbour pairs costs about neighbours^2 x degree, so hubs above $max_neighbours are
// skipped (on the benchmark graph one actor with 8,500 neighbours took minutes). The `WITH x`
// after the CALL is needed: without it FalkorDB 4 matched every actor as x.
CALL {
  MATCH (x:Actor {id: $actor})
  RETURN x
  UNION ALL
  UNWIND CASE WHEN $actor IS NULL THEN [true] ELSE [] END AS whole_graph
  MATCH (x:Actor)-[r]-(n:Actor)
  WHERE r.confidence >= $min_confidence AND coalesce(r.rejected, false) = false
  WITH x, count(DISTINCT n) AS degree
  WHERE degree >= 2 AND degree <= $max_neighbours
  WITH x, degree
  ORDER BY coalesce(x.betweenness, -1.0) DESC, degree DESC, x.id
  LIMIT $candidates
  RETURN x
}
WITH x
MATCH (x)-[r]-(n:Actor)
WHERE r.confidence >= $min_confidence AND coalesce(r.rejected, false) = false
WITH x, collect(DISTINCT n) AS ns
WHERE size(ns) >= 2 AND size(ns) <= $max_neighbours
UNWIND ns AS y
OPTIONAL MATCH (y)-[t]-(z:Actor)
WHERE z IN ns AND y.id < z.id AND t.confidence >= $min_confidence AND coalesce(t.rejected, false) = false
WITH x, ns, y, count(DISTINCT z) AS linked
WITH x, size(ns) AS neighbours, sum(linked) AS closed
WITH x, neighbours, toInteger(neighbours * (neighbours - 1) / 2) AS pairs, toInteger(closed) AS closed
WHERE pairs - closed > 0
RETURN x.id AS actor_id, x.name AS actor, x.type AS type, neighbours,
       pairs - closed AS open_pairs, round(1000.0 * (pairs - closed) / pairs) / 1000.0 AS brokerage,
       x.betweenness AS betweenness
ORDER BY coalesce(betweenness, -1.0) DESC, open_pairs DESC, brokerage DESC, actor_id
LIMIT $limit
