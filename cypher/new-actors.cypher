// name: new-actors
// description: Actors first seen after a date, in order of appearance, with how many kept relationships and documents they already have and their main partners.
// family: structure
// @param {"name": "since", "type": "date", "default": null, "example": "2024-01-01", "required": true, "description": "report actors whose first_seen is after this day (ISO date)"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.3, "min": 0, "max": 1, "description": "count only relationships at or above this confidence; actors without any are left out"}
// @param {"name": "limit", "type": "int", "default": 100, "example": 20, "min": 0, "description": "at most this many rows"}
// Portable Cypher (FalkorDB and Neo4j 5). first_seen is the earliest document date the
// loader saw the actor in (an ISO string, indexed), so `>` is date order. Whether an
// actor has a kept relationship is checked after sorting, so the check runs lazily
// until `limit` actors passed it, and only those are then described in full.
MATCH (a:Actor)
WHERE a.first_seen > $since
WITH a
ORDER BY a.first_seen, a.id
WITH a, size([(a)-[o]->(:Actor) WHERE o.confidence >= $min_confidence AND coalesce(o.rejected, false) = false | 1])
        + size([(a)<-[i]-(:Actor) WHERE i.confidence >= $min_confidence AND coalesce(i.rejected, false) = false | 1]) AS kept
WHERE kept > 0
WITH a
LIMIT $limit
MATCH (a)-[r]-(b:Actor)
WHERE r.confidence >= $min_confidence AND coalesce(r.rejected, false) = false
WITH a, r, b
ORDER BY r.count DESC, b.id
WITH a, collect(DISTINCT b.name) AS partners, toInteger(sum(r.count)) AS evidence, collect(r.documents) AS doc_lists
WITH a, partners, evidence, reduce(ds = [], x IN doc_lists | ds + [d IN x WHERE NOT d IN ds]) AS docs
RETURN a.id AS actor_id, a.name AS actor, a.type AS type, a.first_seen AS first_seen, a.last_seen AS last_seen,
       size(partners) AS partners_count, evidence, size(docs) AS documents, partners[0..5] AS top_partners
ORDER BY first_seen, actor_id
